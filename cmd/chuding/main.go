// Command chuding is the desktop app 职称初定助手. It is the composition
// root: it opens the database, applies the theme and hands both to ui.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"chuding/assets"
	"chuding/ui"
)

func main() {
	a := app.NewWithID("cn.lyg.chuding")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	a.Settings().SetTheme(ui.NewTheme(nil))
	w := a.NewWindow("职称初定助手")
	w.SetContent(widget.NewLabel("职称初定助手"))
	w.Resize(fyne.NewSize(1280, 800))
	fmt.Fprintln(os.Stderr, "")
	w.ShowAndRun()
}

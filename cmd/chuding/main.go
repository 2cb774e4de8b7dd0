// Command chuding is the desktop app 职称初定助手. It is the composition
// root: it opens the database, applies the theme and hands both to package
// ui, which explains any problem opening the database instead of crashing.
//
// The database is --db FILE, else $CHUDING_DB, else
// <user config dir>/chuding/chuding.db.
package main

import (
	"flag"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"chuding/assets"
	"chuding/model/buildinfo"
	"chuding/model/store"
	"chuding/ui"
)

func main() {
	dbFlag := flag.String("db", "", "数据库文件（默认 $CHUDING_DB 或用户配置文件夹下的 chuding/chuding.db）")
	flag.Parse()

	a := app.NewWithID("cn.lyg.chuding")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	if v := a.Metadata().Version; buildinfo.Version == "dev" && v != "" {
		buildinfo.Version = v // fyne package stamps the metadata, not our -ldflags
	}
	a.Settings().SetTheme(ui.NewTheme(nil))

	path, err := *dbFlag, error(nil)
	if path == "" {
		path, err = store.DefaultPath()
	}
	var st *store.Store
	if err == nil {
		st, err = store.Open(path, store.Options{})
	}
	ui.New(a, ui.Config{Store: st, DBPath: path, OpenErr: err}).ShowAndRun()
}

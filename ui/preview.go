package ui

import (
	"bytes"
	"chuding/model/atomicfile"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pdfPreview shows a generated PDF inside the window. Pages are rendered to
// images with poppler's pdftoppm when it is installed (`make run` installs
// it on Debian/Ubuntu); without it the pane says so and offers to open the
// PDF in the system's reader. Save and open work either way.
type pdfPreview struct {
	u     *UI
	title *widget.Label
	note  *widget.Label
	pages *fyne.Container
	save  *widget.Button
	open  *widget.Button
	name  string
	pdf   []byte
	gen   int     // generation of the current render, to drop stale results
	width float32 // width pages are shown at, fitting the pane at 1280×800
	root  fyne.CanvasObject
}

// previewDPI renders A4 at about 830 px wide, sharp when shown scaled down
// to the pane's page width, and still fast (a four-page form takes well
// under a second).
const previewDPI = 100

// maxPreviewPages bounds the pages rendered for one preview.
const maxPreviewPages = 12

func newPDFPreview(u *UI, width float32) *pdfPreview {
	p := &pdfPreview{u: u, pages: container.NewVBox(), width: width}
	p.title = widget.NewLabelWithStyle("预览", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.note = wrapLabel("按“预览”在这里查看PDF。")
	p.save = widget.NewButtonWithIcon("保存PDF…", theme.DocumentSaveIcon(), func() {
		p.u.savePDF("保存PDF", p.name+".pdf", p.pdf)
	})
	p.open = widget.NewButtonWithIcon("用PDF阅读器打开", theme.FileApplicationIcon(), p.openExternal)
	p.save.Disable()
	p.open.Disable()
	top := container.NewBorder(nil, nil, p.title, container.NewHBox(p.save, p.open))
	p.root = container.NewBorder(container.NewVBox(top, p.note), nil, nil, nil, container.NewVScroll(p.pages))
	return p
}

func (p *pdfPreview) content() fyne.CanvasObject { return container.NewPadded(p.root) }

// show renders pdf (named name, without .pdf) in the background.
func (p *pdfPreview) show(name string, pdf []byte) {
	p.name, p.pdf = name, pdf
	p.gen++
	gen := p.gen
	p.title.SetText("预览：" + name)
	p.note.SetText("正在生成预览…")
	p.save.Enable()
	p.open.Enable()
	p.pages.Objects = nil
	p.pages.Refresh()
	p.u.jobs.run(func() {
		imgs, pages, err := renderPDF(pdf, previewDPI, maxPreviewPages)
		fyne.Do(func() {
			if gen != p.gen {
				return
			}
			p.showPages(imgs, pages, err)
		})
	})
}

func (p *pdfPreview) showPages(imgs []image.Image, pages int, err error) {
	if err != nil {
		p.note.SetText(err.Error())
		return
	}
	note := fmt.Sprintf("共%d页", pages)
	if pages > len(imgs) {
		note += fmt.Sprintf("，此处显示前%d页，全部内容请保存或打开PDF查看", len(imgs))
	}
	p.note.SetText(note + "。")
	objs := make([]fyne.CanvasObject, 0, len(imgs))
	for _, img := range imgs {
		ci := canvas.NewImageFromImage(img)
		ci.FillMode = canvas.ImageFillContain
		b := img.Bounds()
		ci.SetMinSize(fyne.NewSize(p.width, p.width*float32(b.Dy())/float32(b.Dx())))
		objs = append(objs, container.NewCenter(ci))
	}
	p.pages.Objects = objs
	p.pages.Refresh()
}

// openExternal writes the PDF to a private temp folder and opens it with
// the system's PDF reader.
func (p *pdfPreview) openExternal() {
	path, err := writePreviewFile(p.name, p.pdf)
	if err == nil {
		err = p.u.app.OpenURL(&url.URL{Scheme: "file", Path: path})
	}
	if err != nil {
		p.u.showError("无法打开PDF", fmt.Errorf("%v。可以先按“保存PDF…”保存，再用PDF阅读器打开", err))
	}
}

func writePreviewFile(name string, pdf []byte) (string, error) {
	dir := filepath.Join(os.TempDir(), "chuding-preview")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, safeName(name)+".pdf")
	return path, atomicfile.Write(path, func(w io.Writer) error { _, err := w.Write(pdf); return err })
}

// renderPDF renders up to max pages of pdf at dpi with pdftoppm and returns
// the images and the document's page count.
func renderPDF(pdf []byte, dpi, max int) ([]image.Image, int, error) {
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		return nil, 0, fmt.Errorf("本机没有安装PDF渲染工具 pdftoppm（poppler-utils），无法在窗口内预览。请按“用PDF阅读器打开”查看，或“保存PDF…”后打印")
	}
	dir, err := os.MkdirTemp("", "chuding-render-")
	if err != nil {
		return nil, 0, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return nil, 0, err
	}
	pages := countPages(pdf)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-r", fmt.Sprint(dpi), "-png", "-f", "1", "-l", fmt.Sprint(max), in, filepath.Join(dir, "p"))
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, 0, fmt.Errorf("预览生成失败：%v %s。请按“用PDF阅读器打开”查看", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	sort.Strings(files) // pdftoppm zero-pads page numbers to the same width
	imgs := make([]image.Image, 0, len(files))
	for _, f := range files {
		img, err := decodePNG(f)
		if err != nil {
			return nil, 0, err
		}
		imgs = append(imgs, img)
	}
	if pages < len(imgs) {
		pages = len(imgs)
	}
	return imgs, pages, nil
}

func decodePNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(f)
}

// countPages counts page objects in a PDF (gopdf writes uncompressed object
// headers, so "/Type /Page" followed by a non-"s" byte marks each page).
func countPages(pdf []byte) int {
	n := 0
	for _, pat := range [][]byte{[]byte("/Type /Page"), []byte("/Type/Page")} {
		for i := 0; ; {
			j := bytes.Index(pdf[i:], pat)
			if j < 0 {
				break
			}
			k := i + j + len(pat)
			if k >= len(pdf) || pdf[k] != 's' {
				n++
			}
			i = k
		}
	}
	return n
}

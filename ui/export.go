package ui

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chuding/model"
	"chuding/pdfgen"
)

// exportScreen is 打印与导出: preview and save the 申报表 (and the other
// papers) of one person or the whole batch, and export the upload bundle,
// with progress and a cancel button for the long runs.
type exportScreen struct {
	u *UI

	person  *widget.Select
	copies  *widget.RadioGroup
	preview *pdfPreview
	bundle  *bundlePane

	progress *widget.ProgressBar
	status   *widget.Label
	cancel   *widget.Button
	openDir  *widget.Button
	stop     context.CancelFunc
	lastDir  string
	running  bool

	root fyne.CanvasObject
}

const (
	copiesTwo = "一式两份（4页）"
	copiesOne = "一份（2页）"
)

func newExportScreen(u *UI) *exportScreen {
	s := &exportScreen{u: u}
	s.build()
	return s
}

func (s *exportScreen) content() fyne.CanvasObject { return s.root }

func (s *exportScreen) build() {
	s.person = widget.NewSelect(nil, nil)
	s.person.PlaceHolder = "选择人员"
	s.copies = widget.NewRadioGroup([]string{copiesTwo, copiesOne}, nil)
	s.copies.SetSelected(copiesTwo)
	s.copies.Required = true
	formBtn := widget.NewButtonWithIcon("预览申报表", theme.VisibilityIcon(), s.previewForm)
	formBtn.Importance = widget.HighImportance
	listBtn := widget.NewButtonWithIcon("预览材料清单", theme.VisibilityIcon(), s.previewChecklist)
	one := widget.NewCard("单人材料", "申报表正反面打印、分别装订（通知四(一)）", container.NewVBox(
		s.person, s.copies, container.NewHBox(formBtn, listBtn)))

	s.progress = widget.NewProgressBar()
	s.status = wrapLabel("")
	s.cancel = widget.NewButtonWithIcon("取消", theme.CancelIcon(), s.cancelRun)
	s.cancel.Disable()
	s.openDir = widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), s.openFolder)
	s.openDir.Disable()
	allForms := widget.NewButtonWithIcon("保存全部申报表到文件夹…", theme.DocumentPrintIcon(), s.saveAllForms)
	roster := widget.NewButtonWithIcon("预览汇总表", theme.VisibilityIcon(), s.previewRoster)
	batch := widget.NewCard("整批材料", "在后台生成，可随时取消；生成时可以继续使用其他功能", container.NewVBox(
		container.NewHBox(roster, allForms), s.progress, s.status, container.NewHBox(s.cancel, s.openDir)))

	s.preview = newPDFPreview(s.u, 560)
	s.bundle = newBundlePane(s)
	left := container.NewVScroll(container.NewVBox(one, batch, s.bundle.root))
	split := container.NewHSplit(left, s.preview.content())
	split.Offset = 0.38
	s.root = split
}

func (s *exportScreen) refresh() {
	names := make([]string, len(s.u.view.all))
	for i, r := range s.u.view.all {
		names[i] = personOption(i, r)
	}
	s.person.SetOptions(names)
	if s.person.Selected == "" && len(names) > 0 {
		s.person.SetSelected(names[0])
	}
	s.bundle.check()
}

func personOption(i int, r *row) string {
	return fmt.Sprintf("%d. %s（%s）", i+1, r.p.Name, r.status)
}

func (s *exportScreen) selectedRow() *row {
	for i, r := range s.u.view.all {
		if personOption(i, r) == s.person.Selected {
			return r
		}
	}
	return nil
}

// formOptions are the batch facts every 申报表 needs.
func (s *exportScreen) formOptions(copies int) (pdfgen.FormOptions, error) {
	fonts, err := s.u.pdfFonts()
	if err != nil {
		return pdfgen.FormOptions{}, err
	}
	opt := pdfgen.FormOptions{Unit: s.u.unit, Policy: s.u.policy(), Copies: copies, Fonts: fonts, Calendar: s.u.calendar()}
	if pub := s.u.batch.Publicity; !pub.Start.IsZero() {
		opt.Publicity = &pub
	}
	return opt, nil
}

func (s *exportScreen) copiesWanted() int {
	if s.copies.Selected == copiesOne {
		return 1
	}
	return 2
}

func (s *exportScreen) previewForm() {
	r := s.selectedRow()
	if r == nil {
		s.u.showError("无法预览", fmt.Errorf("请先选择人员"))
		return
	}
	opt, err := s.formOptions(s.copiesWanted())
	var pdf []byte
	if err == nil {
		pdf, err = pdfgen.Form(&r.p, r.res, opt)
	}
	if err != nil {
		s.u.showError("无法生成申报表", err)
		return
	}
	s.preview.show(r.p.Name+"_申报表", pdf)
}

// formFileName is 序号_姓名_申报表.pdf (issue 6's naming).
func formFileName(no int, name string) string {
	return fmt.Sprintf("%02d_%s_申报表.pdf", no, safeName(name))
}

// saveAllForms writes every person's 申报表 into a folder in the background.
func (s *exportScreen) saveAllForms() {
	if s.running {
		return
	}
	s.u.files.openFolder("选择保存申报表的文件夹", func(dir string) { s.writeForms(dir) })
}

// writeForms generates the forms on all but one core (the window keeps one)
// with pdfgen.Forms, writes each as it comes and reports progress; cancel
// stops between forms and keeps the files already written.
func (s *exportScreen) writeForms(dir string) {
	rows := s.u.view.all
	if len(rows) == 0 {
		s.u.showError("无法导出", fmt.Errorf("本批次还没有人员"))
		return
	}
	opt, err := s.formOptions(s.copiesWanted())
	if err != nil {
		s.u.showError("无法生成申报表", err)
		return
	}
	jobs := make([]pdfgen.FormJob, len(rows))
	names := make([]string, len(rows))
	for i, r := range rows {
		p := r.p
		jobs[i] = pdfgen.FormJob{Person: &p, Result: r.res, Options: opt}
		names[i] = formFileName(i+1, p.Name)
	}
	ctx := s.begin(dir)
	var tick throttle
	done, total := 0, len(jobs)
	s.u.jobs.run(func() {
		err := pdfgen.Forms(ctx, jobs, max(1, runtime.NumCPU()-1), func(i int, pdf []byte, err error) error {
			if err == nil {
				err = pdfgen.WriteFileBytes(filepath.Join(dir, names[i]), pdf)
			}
			if err != nil {
				return err
			}
			done++
			if n := done; tick.due() || n == total {
				fyne.Do(func() { s.step(float64(n)/float64(total), fmt.Sprintf("已生成%d/%d份申报表", n, total)) })
			}
			return nil
		})
		fyne.Do(func() {
			switch {
			case ctx.Err() != nil:
				s.end(fmt.Sprintf("已取消，已生成%d份（已生成的文件保留在文件夹中）", done), nil)
			case err != nil:
				s.end("生成中断", err)
			default:
				s.end(fmt.Sprintf("已把%d份申报表保存到 %s", total, dir), nil)
			}
		})
	})
}

// begin sets the progress area up for a run writing into dir.
func (s *exportScreen) begin(dir string) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	s.stop, s.running, s.lastDir = cancel, true, dir
	s.progress.SetValue(0)
	s.status.SetText("正在生成…")
	s.cancel.Enable()
	s.openDir.Disable()
	return ctx
}

func (s *exportScreen) step(v float64, msg string) {
	s.progress.SetValue(v)
	s.status.SetText(msg)
}

// end closes a run with msg, or shows err.
func (s *exportScreen) end(msg string, err error) {
	s.running = false
	if s.stop != nil {
		s.stop()
	}
	s.cancel.Disable()
	s.openDir.Enable()
	s.status.SetText(msg)
	if err != nil {
		s.u.showError(msg, err)
	}
}

func (s *exportScreen) cancelRun() {
	if s.stop != nil {
		s.stop()
		s.status.SetText("正在取消…")
	}
}

func (s *exportScreen) openFolder() {
	if s.lastDir == "" {
		return
	}
	if err := s.u.app.OpenURL(&url.URL{Scheme: "file", Path: s.lastDir}); err != nil {
		s.u.showError("无法打开文件夹", fmt.Errorf("%v。文件在 %s", err, s.lastDir))
	}
}

// throttle lets progress reach the window at most four times a second: a
// smooth enough bar, and little work for the UI goroutine (each new status
// text is measured and drawn anew).
type throttle struct {
	mu   sync.Mutex
	last time.Time
}

func (t *throttle) due() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if time.Since(t.last) < 250*time.Millisecond {
		return false
	}
	t.last = time.Now()
	return true
}

// previewChecklist shows the 材料清单 of the selected person.
func (s *exportScreen) previewChecklist() {
	r := s.selectedRow()
	if r == nil {
		s.u.showError("无法预览", fmt.Errorf("请先选择人员"))
		return
	}
	fonts, err := s.u.pdfFonts()
	var pdf []byte
	if err == nil {
		pdf, err = pdfgen.Checklist(&r.p, r.res, pdfgen.ChecklistOptions{Unit: s.u.unit, Policy: s.u.policy(), Fonts: fonts})
	}
	if err != nil {
		s.u.showError("无法生成材料清单", err)
		return
	}
	s.preview.show(r.p.Name+"_材料清单", pdf)
}

// previewRoster shows the batch's 申报人员汇总表 (landscape), in batch order.
func (s *exportScreen) previewRoster() {
	people := make([]model.Person, len(s.u.view.all))
	results := make([]model.Result, len(s.u.view.all))
	for i, r := range s.u.view.all {
		people[i], results[i] = r.p, r.res
	}
	fonts, err := s.u.pdfFonts()
	var pdf []byte
	if err == nil {
		pdf, err = pdfgen.Roster(people, results, pdfgen.RosterOptions{Unit: s.u.unit, Policy: s.u.policy(), Fonts: fonts})
	}
	if err != nil {
		s.u.showError("无法生成汇总表", err)
		return
	}
	s.preview.show(s.u.batch.Name+"_汇总表", pdf)
}

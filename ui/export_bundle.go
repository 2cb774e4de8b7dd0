package ui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chuding/pdfgen/bundle"
)

// bundlePane is the 上报包 part of 打印与导出: the pre-flight check per
// person (with 排除 to leave someone out), export as 草稿 anyway, and the
// export itself with progress and cancel.
type bundlePane struct {
	s        *exportScreen
	summary  *widget.Label
	list     *widget.List
	checks   []bundle.PersonCheck // people with problems, shown in the list
	batch    []string             // batch-level problems
	excluded map[string]bool      // ID number → left out of this bundle
	order    []string             // ID numbers in the order of the last check
	detail   *widget.Label        // the full problems of the row selected in the list
	draft    *widget.Check
	export   *widget.Button
	report   bundle.Report
	root     fyne.CanvasObject
}

func newBundlePane(s *exportScreen) *bundlePane {
	b := &bundlePane{s: s, excluded: map[string]bool{}}
	b.summary = wrapLabel("")
	b.list = widget.NewList(func() int { return len(b.batch) + len(b.checks) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewCheck("排除", nil), nil, l)
		},
		b.updateItem)
	b.detail = wrapLabel("")
	b.detail.Hide()
	b.list.OnSelected = b.showDetail
	b.draft = widget.NewCheck("有问题也导出（整包标为草稿，不能直接上报）", nil)
	recheck := widget.NewButtonWithIcon("重新检查", theme.ViewRefreshIcon(), b.check)
	b.export = widget.NewButtonWithIcon("导出上报包…", theme.DownloadIcon(), b.exportBundle)
	b.export.Importance = widget.HighImportance
	// The list fills the card's width at a fixed height.
	floor := canvas.NewRectangle(color.Transparent)
	floor.SetMinSize(fyne.NewSize(0, 220))
	listBox := container.NewStack(floor, b.list)
	b.root = widget.NewCard("上报包", "一个压缩包装下汇总表、公示、每人的申报表、材料清单和扫描件（含清单与校验值）",
		container.NewVBox(b.summary, listBox, b.detail, b.draft, container.NewHBox(recheck, b.export)))
	return b
}

func (b *bundlePane) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	l := c.Objects[0].(*widget.Label)
	ch := c.Objects[1].(*widget.Check)
	ch.OnChanged = nil
	if i < len(b.batch) {
		ch.Hide()
		l.Importance = widget.DangerImportance
		l.SetText("本批次：" + b.batch[i])
		return
	}
	pc := b.checks[i-len(b.batch)]
	ch.Show()
	id := b.order[pc.No-1]
	ch.SetChecked(b.excluded[id])
	ch.OnChanged = func(on bool) {
		if on {
			b.excluded[id] = true
		} else {
			delete(b.excluded, id)
		}
		b.check()
	}
	msgs := make([]string, len(pc.Problems))
	for j, p := range pc.Problems {
		msgs[j] = p.Message
	}
	l.Importance = widget.MediumImportance
	if pc.Excluded {
		l.Importance = widget.LowImportance
	}
	l.SetText(fmt.Sprintf("%d. %s：%s", pc.No, pc.Name, strings.Join(msgs, "；")))
}

// check runs the pre-flight on the current batch in the background (it
// evaluates every person) and then shows what blocks.
func (b *bundlePane) check() {
	in := b.makeInput()
	b.summary.SetText("正在检查…")
	b.s.u.jobs.run(func() {
		rep := bundle.Preflight(in)
		fyne.Do(func() { b.show(rep) })
	})
}

// show lists the batch problems and the people with problems.
func (b *bundlePane) show(rep bundle.Report) {
	b.report = rep
	b.list.UnselectAll()
	b.detail.Hide()
	b.batch = b.batch[:0]
	for _, p := range b.report.Batch {
		b.batch = append(b.batch, p.Message)
	}
	b.checks = b.checks[:0]
	for _, c := range b.report.People {
		if len(c.Problems) > 0 {
			b.checks = append(b.checks, c)
		}
	}
	lines := len(b.report.Lines())
	switch {
	case len(b.report.People) == 0:
		b.summary.SetText("本批次还没有人员。")
	case lines == 0:
		b.summary.SetText(fmt.Sprintf("导出前检查通过：%d人可以导出。", b.report.Included()))
	default:
		b.summary.SetText(fmt.Sprintf("导出前检查：%d人中发现%d个问题。可以改正后“重新检查”，勾选“排除”把有问题的人留到下一批，或导出为草稿。",
			b.report.Included(), lines))
	}
	for _, w := range b.report.Warnings {
		b.summary.SetText(b.summary.Text + "\n提醒：" + w.Message)
	}
	b.list.Refresh()
}

// makeInput builds the bundle input from the open batch.
func (b *bundlePane) makeInput() bundle.Input {
	u := b.s.u
	in := bundle.Input{Unit: u.unit, Batch: u.batch, Attachment: u.st.Attachment, Calendar: u.calendar()}
	b.order = b.order[:0]
	for _, r := range u.view.all {
		in.People = append(in.People, r.p)
		b.order = append(b.order, r.p.IDNumber)
		if b.excluded[r.p.IDNumber] {
			in.Exclude = append(in.Exclude, r.p.IDNumber)
		}
	}
	if fonts, err := u.pdfFonts(); err == nil {
		in.Fonts = fonts
	}
	return in
}

// exportBundle asks where to save the archive and writes it in the background.
func (b *bundlePane) exportBundle() {
	s := b.s
	if s.running {
		return
	}
	b.show(bundle.Preflight(b.makeInput()))
	if !b.report.OK() && !b.draft.Checked {
		s.u.showMessage("还不能导出上报包",
			fmt.Sprintf("导出前检查发现%d个问题（见列表）。请改正后重新检查；或勾选“排除”把有问题的人员留到下一批；或勾选“有问题也导出”导出草稿。", len(b.report.Lines())),
			theme.WarningIcon())
		return
	}
	name := safeName(s.u.unit.Name + "_" + s.u.batch.Name + "_上报包.zip")
	s.u.files.saveFile("导出上报包", name, []string{".zip"}, func(path string) { b.write(path) })
}

// write exports the bundle to path; the window stays usable and the run can
// be cancelled, leaving no file under path.
func (b *bundlePane) write(path string) {
	s := b.s
	in := b.makeInput()
	opt := bundle.Options{Draft: b.draft.Checked, Workers: max(1, runtime.NumCPU()-1)}
	ctx := s.begin(filepath.Dir(path))
	var tick throttle
	started := time.Now()
	s.u.jobs.run(func() {
		m, err := bundle.Write(ctx, in, path, opt, func(done, total int, what string) {
			if tick.due() || done == total {
				fyne.Do(func() {
					s.step(float64(done)/float64(total), fmt.Sprintf("正在导出：%d/%d个文件", done, total))
				})
			}
		})
		fyne.Do(func() {
			switch {
			case errors.Is(err, context.Canceled) || errors.Is(err, bundle.ErrCancelled):
				removeIfEmpty(path)
				s.end("已取消，未生成上报包", nil)
			case err != nil:
				removeIfEmpty(path)
				s.end("导出上报包失败", err)
			default:
				msg := fmt.Sprintf("已导出上报包：%s（%d人，%d个文件，用时%.1f秒）", filepath.Base(path), m.Counts.People, m.Counts.Files, time.Since(started).Seconds())
				if m.Draft {
					msg += "。这是草稿，不能直接上报"
				}
				s.end(msg, nil)
			}
		})
	})
}

// showDetail shows every problem of the selected row in full under the
// list (the rows themselves are one line each).
func (b *bundlePane) showDetail(i widget.ListItemID) {
	var text string
	switch {
	case i < len(b.batch):
		text = "本批次：" + b.batch[i]
	case i-len(b.batch) < len(b.checks):
		pc := b.checks[i-len(b.batch)]
		lines := []string{fmt.Sprintf("%d. %s", pc.No, pc.Label())}
		for _, p := range pc.Problems {
			lines = append(lines, "·"+p.Message)
		}
		text = strings.Join(lines, "\n")
	}
	b.detail.SetText(text)
	b.detail.Show()
}

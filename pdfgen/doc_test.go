package pdfgen

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chuding/pdfgen/pdftest"
)

var testCreated = time.Date(2025, 6, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))

func newTestDoc(t testing.TB, opt Options) *Doc {
	t.Helper()
	if opt.Created.IsZero() {
		opt.Created = testCreated
	}
	d, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustBytes(t testing.TB, d *Doc) []byte {
	t.Helper()
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDocPagesAndText(t *testing.T) {
	d := newTestDoc(t, Options{})
	d.AddPage(BindLeft)
	d.Title(d.Content().Y, "专业技术资格初定申报表")
	d.AddPage(BindRight)
	d.Text(d.Content().X, d.Content().Y, "第二页：审核意见")
	pages := pdftest.RequirePages(t, mustBytes(t, d), 2, false)
	pdftest.Contains(t, pages[0], "专业技术资格初定申报表")
	pdftest.Contains(t, pages[1], "第二页：审核意见")
}

func TestBindingMarginMirrors(t *testing.T) {
	d := newTestDoc(t, Options{})
	d.AddPage(BindLeft)
	front := d.Content()
	d.AddPage(BindRight)
	back := d.Content()
	m := DefaultMargins
	if front.X != m.Binding || A4Width-back.Right() != m.Binding {
		t.Errorf("装订边应在正面左侧、背面右侧：正面左边距 %.1f，背面右边距 %.1f", front.X, A4Width-back.Right())
	}
	if front.W != back.W {
		t.Errorf("正反面版心宽度不同：%.1f 与 %.1f", front.W, back.W)
	}
}

func TestLandscape(t *testing.T) {
	d := newTestDoc(t, Options{Landscape: true})
	d.AddPage(BindNone)
	d.Text(40, 40, "汇总表")
	pdftest.RequirePages(t, mustBytes(t, d), 1, true)
}

func TestOutputIsByteStable(t *testing.T) {
	build := func() []byte {
		d := newTestDoc(t, Options{Watermark: "草稿"})
		d.AddPage(BindLeft)
		tb := d.NewTable(d.Content().Y, 1, 3)
		tb.Row(C("姓名"), L("陈晓雨"))
		return mustBytes(t, d)
	}
	if a, b := build(), build(); !bytes.Equal(a, b) {
		t.Error("同样的输入两次生成的 PDF 不一致")
	}
}

func TestMissingGlyphFailsTheDocument(t *testing.T) {
	d := newTestDoc(t, Options{})
	d.AddPage(BindNone)
	d.Text(50, 50, "古文字𠀀在此") // U+20000 (CJK Ext. B) is not in WenQuanYi Micro Hei
	_, err := d.Bytes()
	var mg *MissingGlyphError
	if !errors.As(err, &mg) || mg.Rune != '\U00020000' {
		t.Fatalf("缺字应报错，得到 %v", err)
	}
	if !strings.Contains(err.Error(), "U+20000") {
		t.Errorf("错误信息应指出缺少的字符：%v", err)
	}
}

func TestWatermark(t *testing.T) {
	d := newTestDoc(t, Options{Watermark: "草稿"})
	d.AddPage(BindNone)
	d.AddPage(BindNone)
	for i, p := range pdftest.RequirePages(t, mustBytes(t, d), 2, false) {
		if !strings.Contains(p, "草") || !strings.Contains(p, "稿") {
			t.Errorf("第 %d 页没有“草稿”水印", i+1)
		}
	}
}

func TestWrapKeepsEveryCharacter(t *testing.T) {
	d := newTestDoc(t, Options{})
	d.AddPage(BindNone)
	d.SetFontSize(SizeWuHao)
	text := strings.Repeat("该同志工作认真负责，业务能力强（成绩突出）。", 12)
	lines := d.Wrap(text, 200)
	if got := strings.Join(lines, ""); got != text {
		t.Fatalf("折行后文字有增减")
	}
	for i, l := range lines {
		if w := d.Width(l); w > 200.01 {
			t.Errorf("第 %d 行宽 %.1f，超过 200", i+1, w)
		}
		if i > 0 && strings.ContainsAny(string([]rune(l)[0]), noLineStart) {
			t.Errorf("第 %d 行以标点“%c”开头", i+1, []rune(l)[0])
		}
	}
	if d.Wrap("", 100) != nil {
		t.Error("空字符串应没有行")
	}
	if got := d.Wrap("甲\n\n乙", 100); len(got) != 3 {
		t.Errorf("换行符应分行（含空行）：%q", got)
	}
}

func TestTextInRefusesToClip(t *testing.T) {
	d := newTestDoc(t, Options{})
	d.AddPage(BindNone)
	d.TextIn(Rect{X: 50, Y: 50, W: 60, H: 20}, strings.Repeat("放不下的文字", 10), AlignLeft, true)
	var of *OverflowError
	if _, err := d.Bytes(); !errors.As(err, &of) {
		t.Fatalf("放不下的文字应报错，得到 %v", err)
	}
}

func TestTableRowsGrowAndPaginateWithHeader(t *testing.T) {
	d := newTestDoc(t, Options{})
	next := func() float64 { d.AddPage(BindNone); return d.Content().Y }
	next()
	tb := d.NewTable(d.Content().Y, 1, 2, 4)
	tb.NextPage = next
	tb.Header(C("序号"), C("姓名"), C("备注"))
	y0 := tb.Y()
	tb.Texts("1", "陈晓雨", strings.Repeat("很长的备注会折成多行。", 8))
	if h := tb.Y() - y0; h <= tb.MinRow {
		t.Errorf("长文字的行应长高，行高 %.1f", h)
	}
	for i := 2; i <= 60; i++ {
		tb.Texts(string(rune('0'+i%10)), "刘子涵", "无")
	}
	pages := pdftest.Text(t, mustBytes(t, d))
	if len(pages) < 2 {
		t.Fatalf("60 行应分页，只有 %d 页", len(pages))
	}
	for i, p := range pages {
		pdftest.Contains(t, p, "序号", "姓名", "备注")
		_ = i
	}
	pdftest.Contains(t, strings.Join(pages, ""), strings.Repeat("很长的备注会折成多行。", 8))
}

func TestTableWithoutNextPageOverflows(t *testing.T) {
	d := newTestDoc(t, Options{})
	d.AddPage(BindNone)
	tb := d.NewTable(d.Content().Y, 1, 1)
	for i := 0; i < 80; i++ {
		tb.Texts("甲", "乙")
	}
	var of *OverflowError
	if _, err := d.Bytes(); !errors.As(err, &of) {
		t.Fatalf("超出页面应报错，得到 %v", err)
	}
}

func TestGroupLabelSpansRows(t *testing.T) {
	d := newTestDoc(t, Options{})
	d.AddPage(BindNone)
	tb := d.NewTable(d.Content().Y, 1, 3, 3)
	tb.Group("学历学位", []Cell{C("江苏海洋大学"), C("本科")}, []Cell{C("连云港职业技术学院"), C("大专")})
	pdftest.Contains(t, pdftest.Text(t, mustBytes(t, d))[0], "江苏海洋大学", "连云港职业技术学院")
}

func TestWriteFileIsAtomicAndPrivate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "01_陈晓雨_申报表.pdf")
	d := newTestDoc(t, Options{})
	d.AddPage(BindNone)
	d.Text(50, 50, "申报表")
	if err := d.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("文件权限 %v，应为 0600", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("文件夹里应只有 PDF，没有临时文件：%v", entries)
	}
	// A failed document leaves nothing behind.
	bad := newTestDoc(t, Options{})
	bad.AddPage(BindNone)
	bad.Text(50, 50, "𠀀")
	if err := bad.WriteFile(filepath.Join(dir, "bad.pdf")); err == nil {
		t.Error("缺字的文档不应写出")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("失败后不应留下文件：%v", entries)
	}
}

func TestLoadFontsRejectsCollections(t *testing.T) {
	if _, err := LoadFonts([]byte("ttcf\x00\x01\x00\x00")); !errors.Is(err, ErrNotTrueType) {
		t.Errorf(".ttc 应被拒绝，得到 %v", err)
	}
}

func TestEngineLook(t *testing.T) {
	d := newTestDoc(t, Options{Watermark: "草稿"})
	d.AddPage(BindLeft)
	y := d.Content().Y
	y += d.Title(y, "专业技术资格初定申报表") + 12
	tb := d.NewTable(y, 1, 2, 1, 2)
	tb.Row(C("姓名"), L("陈晓雨"), C("性别"), L("女"))
	tb.Row(C("工作单位"), Cell{Text: "连云港示例机械有限公司", Span: 3})
	tb.Group("学历学位", []Cell{C("江苏海洋大学"), C("本科"), C("学士")}, []Cell{C("连云港职业技术学院"), C("大专"), C("")})
	tb.Row(C("鉴定意见"), Cell{Text: strings.Repeat("该同志工作认真负责，业务能力强（成绩突出）。", 6), Span: 3, Top: true})
	look(t, "engine", mustBytes(t, d))
}

func TestWrapKeepsNumbersWhole(t *testing.T) {
	d := newTestDoc(t, Options{})
	d.AddPage(BindNone)
	d.SetFontSize(SizeWuHao)
	got := d.Wrap("2010.09—2013.06", d.Width("2010.09—20"))
	if len(got) != 2 || got[0] != "2010.09—" || got[1] != "2013.06" {
		t.Errorf("日期应在破折号处换行，得到 %q", got)
	}
	// A run longer than the line must still break rather than overflow.
	long := strings.Repeat("1234567890", 6)
	for _, l := range d.Wrap(long, 60) {
		if d.Width(l) > 60.01 {
			t.Errorf("过长的数字串应强制断开：%q", l)
		}
	}
}

func TestWrapKeepsAddressWithClosingMark(t *testing.T) {
	d := newTestDoc(t, Options{})
	d.AddPage(BindNone)
	d.SetFontSize(SizeXiaoWu)
	text := "学信网（www.chsi.com.cn）在线申请打印"
	w := d.Width("学信网（www.chsi.com.cn")
	got := d.Wrap(text, w)
	if len(got) < 2 || !strings.HasPrefix(got[1], "（www.chsi.com.cn）") {
		t.Errorf("网址应整体换到下一行并带上右括号，得到 %q", got)
	}
	if strings.HasSuffix(got[0], "（") {
		t.Errorf("行尾不应留下左括号：%q", got)
	}
}

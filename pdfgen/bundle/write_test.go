package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chuding/model/buildinfo"
	"chuding/model/peoplefile"
	"chuding/model/rules"
	"chuding/pdfgen/pdftest"
)

// wantLayout is the archive of eligibleInput, name by name.
var wantLayout = []string{
	"manifest.json", "汇总表.xlsx", "汇总表.pdf", "公示.pdf", "公示情况说明.pdf", "people.json",
	"01_陈晓雨/", "01_陈晓雨/申报表.pdf", "01_陈晓雨/材料清单.pdf", "01_陈晓雨/附件/",
	"01_陈晓雨/附件/继续教育成绩汇总表.pdf", "01_陈晓雨/附件/劳动合同或聘书.pdf", "01_陈晓雨/附件/学历证书电子注册备案表.pdf",
	"02_刘子涵/", "02_刘子涵/申报表.pdf", "02_刘子涵/材料清单.pdf", "02_刘子涵/附件/",
	"02_刘子涵/附件/继续教育成绩汇总表.pdf", "02_刘子涵/附件/劳动合同或聘书.pdf", "02_刘子涵/附件/学历证书电子注册备案表.pdf",
	"02_刘子涵/附件/派遣工作证明及三方协议.pdf",
	"03_孙浩然/", "03_孙浩然/申报表.pdf", "03_孙浩然/材料清单.pdf", "03_孙浩然/附件/",
	"03_孙浩然/附件/继续教育成绩汇总表.pdf", "03_孙浩然/附件/劳动合同或聘书.pdf", "03_孙浩然/附件/学历证书电子注册备案表.pdf",
}

func TestWriteFullBundleVerifies(t *testing.T) {
	in, src := eligibleInput(t)
	path, m := writeTest(t, in, Options{})

	res, err := Verify(path)
	if err != nil || !res.OK() {
		t.Fatalf("a fresh bundle does not verify: %v %v", err, res.Problems)
	}
	if res.Checked != len(m.Files) || res.Checked != len(wantLayout)-1-6 {
		t.Errorf("checked %d files, manifest lists %d", res.Checked, len(m.Files))
	}
	got := zipEntries(t, path)
	var names []string
	for n := range got {
		names = append(names, n)
	}
	slices.Sort(names)
	want := slices.Sorted(slices.Values(wantLayout))
	if !slices.Equal(names, want) {
		t.Errorf("layout\n got %q\nwant %q", names, want)
	}

	// The manifest read back is the one Write returned.
	var back Manifest
	if err := json.Unmarshal(got[ManifestName], &back); err != nil {
		t.Fatal(err)
	}
	if back.Format != Format || back.App.Version != buildinfo.Version || back.App.Name != "职称初定助手" ||
		!back.Created.Equal(testNow) || back.Draft || len(back.DraftReasons) != 0 {
		t.Errorf("manifest header %+v %+v %v %v", back.Format, back.App, back.Created, back.Draft)
	}
	if back.Batch.Name != "2025年上半年" || back.Batch.Policy.Name != in.Batch.Policy.Name || back.Unit != testUnit {
		t.Errorf("manifest batch/unit %q %q %+v", back.Batch.Name, back.Batch.Policy.Name, back.Unit)
	}
	wantCounts := Counts{People: 3, Eligible: 3, Attachments: 10, Files: len(m.Files), Bytes: m.Counts.Bytes}
	if back.Counts != wantCounts {
		t.Errorf("counts %+v, want %+v", back.Counts, wantCounts)
	}
	if p := back.People[1]; p.No != 2 || p.Name != "刘子涵" || p.ID != "320722********0313" ||
		p.Folder != "02_刘子涵" || p.Title != "技术员" || p.Attachments != 4 {
		t.Errorf("manifest person %+v", p)
	}
	if strings.Contains(string(got[ManifestName]), in.People[0].IDNumber) {
		t.Error("manifest.json shows a full ID number")
	}

	// Scans are copied byte for byte, named after their material.
	contract := in.People[0].Attachments[1]
	if contract.Material != rules.MaterialContract {
		t.Fatalf("fixture order changed: %+v", contract)
	}
	want1, _ := src.get(contract.SHA256)
	if !bytes.Equal(got["01_陈晓雨/附件/劳动合同或聘书.pdf"], want1) {
		t.Error("scan content differs from the store")
	}
	// people.json is the people file of the included people.
	people, err := peoplefile.Read(bytes.NewReader(got[PeopleName]))
	if err != nil || len(people) != 3 || people[2].IDNumber != in.People[2].IDNumber {
		t.Errorf("people.json: %v, %d people", err, len(people))
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("bundle mode %v, want 0600", st.Mode().Perm())
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestWriteNamesAreUTF8AndUnzipReadsThem(t *testing.T) {
	in, _ := eligibleInput(t)
	path, _ := writeTest(t, in, Options{})
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if hasNonASCII(f.Name) && f.Flags&0x800 == 0 {
			t.Errorf("%s: UTF-8 flag (0x800) not set, flags %#x", f.Name, f.Flags)
		}
	}
	zr.Close()

	unzip := pdftest.RequireTool(t, "unzip", "unzip")
	if out, err := exec.Command(unzip, "-t", path).CombinedOutput(); err != nil ||
		!strings.Contains(string(out), "No errors detected") {
		t.Fatalf("unzip -t: %v\n%s", err, out)
	}
	dir := t.TempDir()
	cmd := exec.Command(unzip, "-q", path, "-d", dir)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("unzip: %v\n%s", err, out)
	}
	for _, name := range []string{"汇总表.xlsx", "公示情况说明.pdf", "02_刘子涵/附件/派遣工作证明及三方协议.pdf"} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("unzipped archive lacks %s: %v", name, err)
			continue
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s unzipped with mode %v, want 0600", name, st.Mode().Perm())
		}
	}
	if st, err := os.Stat(filepath.Join(dir, "03_孙浩然")); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("person folder: %v %v, want mode 0700", err, st)
	}
}

func TestWriteNumbersSeveralScansOfOneMaterial(t *testing.T) {
	in, src := eligibleInput(t)
	p := &in.People[2]
	p.Attachments = dropMaterial(p.Attachments, rules.MaterialContract)
	jpg := src.add(rules.MaterialContract, "聘书第2页.JPG", 901, 3000)
	jpg.MIME = "image/jpeg"
	p.Attachments = append(p.Attachments, src.add(rules.MaterialContract, "聘书第1页.pdf", 900, 3000), jpg,
		src.add("", "其他.pdf", 902, 100))
	path, m := writeTest(t, in, Options{})
	got := zipEntries(t, path)
	for _, name := range []string{"03_孙浩然/附件/劳动合同或聘书_1.pdf", "03_孙浩然/附件/劳动合同或聘书_2.jpg", "03_孙浩然/附件/其他材料.pdf"} {
		if _, ok := got[name]; !ok {
			t.Errorf("no %s in %v", name, m.Files)
		}
	}
	if m.People[2].Attachments != 5 {
		t.Errorf("manifest counts %d scans for 孙浩然", m.People[2].Attachments)
	}
}

func TestWriteRefusesWhenPreflightFails(t *testing.T) {
	in, _ := eligibleInput(t)
	in.People[0].Attachments = nil
	path := filepath.Join(t.TempDir(), "上报包.zip")
	_, err := Write(t.Context(), in, path, Options{}, nil)
	var pe *PreflightError
	if !errors.As(err, &pe) || len(pe.Report.Lines()) != 3 || !strings.Contains(err.Error(), "陈晓雨") {
		t.Fatalf("err %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 0 {
		t.Errorf("files written despite the failed pre-flight: %v", entries)
	}
}

func TestWriteDraftSaysSo(t *testing.T) {
	in, _ := eligibleInput(t)
	in.People = append(in.People, loadSample(t)[2]) // 周敏: not eligible, no scans
	path, m := writeTest(t, in, Options{Draft: true})
	if !m.Draft || len(m.DraftReasons) != 5 || !strings.Contains(m.DraftReasons[0], "周敏") {
		t.Fatalf("draft %v, reasons %q", m.Draft, m.DraftReasons)
	}
	if p := m.People[3]; p.Eligible || len(p.Problems) != 5 || p.Attachments != 0 {
		t.Errorf("周敏 in the manifest: %+v", p)
	}
	if res, err := Verify(path); err != nil || !res.OK() || !res.Manifest.Draft {
		t.Fatalf("draft bundle: %v %v", err, res.Problems)
	}
	got := zipEntries(t, path)
	if _, ok := got["04_周敏/附件/"]; ok {
		t.Error("an empty 附件 folder was written")
	}
	for _, name := range []string{"01_陈晓雨/申报表.pdf", "04_周敏/申报表.pdf", "01_陈晓雨/材料清单.pdf"} {
		text := pdftest.Squeeze(strings.Join(pdftest.Text(t, got[name]), ""))
		if !strings.Contains(text, "草稿") {
			t.Errorf("%s of a draft bundle is not marked 草稿", name)
		}
	}
}

func TestWriteProgressCountsEveryFile(t *testing.T) {
	in, _ := eligibleInput(t)
	var seen []int
	total := 0
	path := filepath.Join(t.TempDir(), "b.zip")
	m, err := Write(t.Context(), in, path, Options{Workers: 3}, func(done, n int, what string) {
		seen = append(seen, done)
		total = n
	})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(m.Files)+1 || len(seen) != total+1 || seen[0] != 0 || seen[len(seen)-1] != total {
		t.Fatalf("progress %v of %d for %d files", seen, total, len(m.Files))
	}
	for i := range seen {
		if seen[i] != i {
			t.Fatalf("progress not in order: %v", seen)
		}
	}
}

func TestWriteCancelLeavesNoFile(t *testing.T) {
	in, _ := eligibleInput(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "上报包.zip")
	ctx, cancel := context.WithCancel(t.Context())
	_, err := Write(ctx, in, path, Options{}, func(done, total int, what string) {
		if done == 4 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || !errors.Is(err, ErrCancelled) || err.Error() != "导出已取消，未生成文件" {
		t.Fatalf("err %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("cancelled export left %v", entries)
	}
}

func TestWriteErrorKeepsTheOldFile(t *testing.T) {
	in, src := eligibleInput(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "上报包.zip")
	if err := os.WriteFile(path, []byte("上一次导出的文件"), 0o600); err != nil {
		t.Fatal(err)
	}
	gone := in.People[1].Attachments[0].SHA256
	delete(src.data, gone)
	_, err := Write(t.Context(), in, path, Options{}, nil)
	if err == nil || !strings.Contains(err.Error(), "刘子涵的附件") {
		t.Fatalf("err %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "上一次导出的文件" {
		t.Error("a failed export replaced the previous file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("failed export left %v", entries)
	}
}

func TestWriteRefusesAScanThatChanged(t *testing.T) {
	in, src := eligibleInput(t)
	a := in.People[0].Attachments[0]
	src.data[a.SHA256] = append([]byte(nil), src.data[a.SHA256]...)
	src.data[a.SHA256][100] ^= 1
	_, err := Write(t.Context(), in, filepath.Join(t.TempDir(), "b.zip"), Options{}, nil)
	if err == nil || !strings.Contains(err.Error(), "与登记的SHA-256不符") {
		t.Fatalf("err %v", err)
	}
}

func TestWriteIsReproducible(t *testing.T) {
	in, _ := eligibleInput(t)
	_, m1 := writeTest(t, in, Options{Workers: 1})
	_, m2 := writeTest(t, in, Options{Workers: 2})
	for i := range m1.Files {
		if m1.Files[i] != m2.Files[i] {
			t.Errorf("%s differs between runs: %+v vs %+v", m1.Files[i].Path, m1.Files[i], m2.Files[i])
		}
	}
}

func TestWriteDocumentsAreRealPDFs(t *testing.T) {
	in, _ := eligibleInput(t)
	path, _ := writeTest(t, in, Options{})
	got := zipEntries(t, path)
	form := pdftest.RequirePages(t, got["02_刘子涵/申报表.pdf"], 4, false)
	pdftest.Contains(t, form[0], "专业技术资格初定申报表", "刘子涵", "连云港示例机械有限公司")
	notice := pdftest.Text(t, got[PublicityName])
	pdftest.Contains(t, notice[0], "关于陈晓雨等3名同志专业技术资格初定的公示", "孙浩然", "2025年6月3日至2025年6月9日")
	roster := pdftest.RequirePages(t, got[RosterPDFName], 1, true)
	pdftest.Contains(t, roster[0], "申报人员汇总表", "陈晓雨", "刘子涵", "孙浩然", "320707199506170153")
	list := pdftest.RequirePages(t, got["01_陈晓雨/材料清单.pdf"], 1, false)
	pdftest.Contains(t, list[0], "专业技术资格初定申报材料清单", "陈晓雨", "劳动合同或单位聘书", "教育部学历证书电子注册备案表")
	note := pdftest.Text(t, got[PublicityNote])
	pdftest.Contains(t, note[0], "公示情况说明", "无异议")
	look(t, got)
}

func TestWriteAgencyPublicisesPerEmployer(t *testing.T) {
	in, _ := eligibleInput(t)
	in.Unit.Kind = "人事代理机构"
	in.Unit.Name = "连云港市示例人力资源服务有限公司"
	path, _ := writeTest(t, in, Options{})
	pages := pdftest.Text(t, zipEntries(t, path)[PublicityName])
	if len(pages) != 2 {
		t.Fatalf("%d pages, want one notice per employer", len(pages))
	}
	pdftest.Contains(t, pages[0], "连云港示例机械有限公司", "关于陈晓雨等2名同志")
	pdftest.Contains(t, pages[1], "连云港示例研究院", "关于孙浩然同志")
}

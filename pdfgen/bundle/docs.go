package bundle

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"time"

	"chuding/model"
	"chuding/model/peoplefile"
	"chuding/model/publicity"
	"chuding/model/sheet"
	"chuding/pdfgen"
)

// layout lists the archive's files in order — the batch papers, then each
// person's folder — and describes the people for the manifest.
type layout struct {
	in      *Input
	pr      *prepared
	draft   bool
	created time.Time
	fonts   *pdfgen.Fonts
}

func (l *layout) entries() ([]entry, []ManifestPerson) {
	es := []entry{
		{path: RosterXLSXName, make: l.rosterXLSX},
		{path: RosterPDFName, make: l.rosterPDF},
	}
	if l.pr.hasPlan {
		es = append(es, entry{path: PublicityName, make: l.publicityPDF},
			entry{path: PublicityNote, make: l.publicityNotePDF})
	}
	es = append(es, entry{path: PeopleName, deflate: true, make: l.peopleJSON})

	people := make([]ManifestPerson, len(l.pr.people))
	for i := range l.pr.people {
		p, r, c := &l.pr.people[i], l.pr.results[i], l.pr.checks[i]
		folder := folderName(i+1, len(l.pr.people), p.Name)
		es = append(es, entry{path: path.Join(folder, FormName), make: func() ([]byte, error) { return l.form(p, r) }})
		es = append(es, entry{path: path.Join(folder, ChecklistName), make: func() ([]byte, error) { return l.checklist(p, r) }})
		scans := scanFiles(folder, p.Attachments)
		for _, s := range scans {
			es = append(es, l.scanEntry(p, s))
		}
		mp := ManifestPerson{No: i + 1, Name: p.Name, ID: c.ID, Folder: folder, Eligible: r.Eligible,
			Title: r.Title, Attachments: len(scans), Problems: []string{}}
		if l.draft {
			for _, pb := range c.Problems {
				mp.Problems = append(mp.Problems, pb.Message)
			}
		}
		people[i] = mp
	}
	return es, people
}

func (l *layout) scanEntry(p *model.Person, s scanFile) entry {
	return entry{path: s.path, want: s.att.SHA256, inline: true, make: func() ([]byte, error) {
		if l.in.Attachment == nil {
			return nil, fmt.Errorf("没有附件来源，无法读取%s的“%s”", p.Name, s.att.Name)
		}
		data, err := l.in.Attachment(s.att.SHA256)
		if err != nil {
			return nil, fmt.Errorf("%s的附件“%s”（%s）无法读取：%w", p.Name, s.att.Name, materialLabel(s.att.Material), err)
		}
		return data, nil
	}}
}

func (l *layout) rosterXLSX() ([]byte, error) {
	var b bytes.Buffer
	if err := sheet.Export(&b, l.pr.people, l.pr.results); err != nil {
		return nil, fmt.Errorf("生成%s失败：%w", RosterXLSXName, err)
	}
	return b.Bytes(), nil
}

func (l *layout) rosterPDF() ([]byte, error) {
	pdf, err := pdfgen.Roster(l.pr.people, l.pr.results, pdfgen.RosterOptions{Unit: l.in.Unit,
		Policy: &l.in.Batch.Policy, Fonts: l.fonts, Now: l.created})
	if err != nil {
		return nil, fmt.Errorf("生成%s失败：%w", RosterPDFName, err)
	}
	return pdf, nil
}

func (l *layout) peopleJSON() ([]byte, error) {
	var b bytes.Buffer
	if err := peoplefile.Write(&b, l.pr.people); err != nil {
		return nil, fmt.Errorf("生成%s失败：%w", PeopleName, err)
	}
	return b.Bytes(), nil
}

func (l *layout) form(p *model.Person, r model.Result) ([]byte, error) {
	opt := pdfgen.FormOptions{Unit: l.in.Unit, Policy: &l.in.Batch.Policy, Fonts: l.fonts,
		Draft: l.draft, Now: l.created, Calendar: l.in.calendar()}
	if l.pr.hasPlan {
		opt.Publicity = &l.pr.pub
	}
	return pdfgen.Form(p, r, opt)
}

func (l *layout) checklist(p *model.Person, r model.Result) ([]byte, error) {
	return pdfgen.Checklist(p, r, pdfgen.ChecklistOptions{Unit: l.in.Unit, Policy: &l.in.Batch.Policy,
		Fonts: l.fonts, Now: l.created, Draft: l.draft})
}

// rows are the people publicised: everyone in the bundle. Pre-flight lets
// only eligible people through; a draft lists the others as 待定.
func (l *layout) rows() []publicity.Row {
	return publicity.Rows(l.pr.people, l.pr.results, true)
}

// publicityPDF is the notice as posted. A personnel agency posts one
// notice at each employer (publicity.ByUnit), all in the one PDF.
func (l *layout) publicityPDF() ([]byte, error) {
	u, pol := l.in.Unit, &l.in.Batch.Policy
	base := pdfgen.PublicityNotice{Unit: strings.TrimSpace(u.Name), Plan: l.pr.plan, Contact: u.Contact, Phone: u.Phone,
		Address: u.Address, NoticeTitle: pol.NoticeTitle, Created: l.created}
	var notices []pdfgen.PublicityNotice
	if u.Kind == agencyKind {
		for _, g := range publicity.ByUnit(l.pr.people, l.pr.results, true) {
			n := base
			n.Rows = g.Rows
			if g.Unit != "" {
				n.Unit = g.Unit
			}
			notices = append(notices, n)
		}
	} else {
		base.Rows = l.rows()
		notices = append(notices, base)
	}
	pdf, err := pdfgen.PublicityNotices(notices, l.fonts)
	if err != nil {
		return nil, fmt.Errorf("生成%s失败：%w", PublicityName, err)
	}
	return pdf, nil
}

// agencyKind is the unit kind that publicises at each employer.
const agencyKind = "人事代理机构"

func (l *layout) publicityNotePDF() ([]byte, error) {
	u, pol, pub := l.in.Unit, &l.in.Batch.Policy, l.pr.pub
	o := pdfgen.PublicityOutcome{Unit: strings.TrimSpace(u.Name), Recipient: pol.Centre.Name, Rows: l.rows(),
		Plan: l.pr.plan, Objections: pub.Result, Handled: pub.Handled, Phone: u.Phone,
		NoticeTitle: pol.NoticeTitle, Created: l.created}
	pdf, err := pdfgen.PublicityNote(o, l.fonts)
	if err != nil {
		return nil, fmt.Errorf("生成%s失败：%w", PublicityNote, err)
	}
	return pdf, nil
}

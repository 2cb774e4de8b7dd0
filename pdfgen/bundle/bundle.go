// Package bundle builds the upload bundle: one zip archive per batch that
// holds everything the officer uploads to the online system and carries to
// the centre — the 汇总表 (xlsx and PDF), the 公示 and 公示情况说明, the
// people file, and for each person the 申报表, the 材料清单 and the scanned
// attachments — with a manifest.json listing every file's size and SHA-256.
//
// Preflight checks a batch before export (eligibility, 鉴定意见, scans of
// the required materials, the publicity period of 五(三)) and says per
// person, in Chinese, what is wrong. Write streams the archive to a
// temporary file beside the target, generating the PDFs on a bounded pool
// of workers while the zip is written in order, then fsyncs and renames it:
// a cancelled, failed or killed export never leaves a file under the final
// name, and the database is only read. Verify re-checks an archive against
// its manifest. docs/bundle.md describes the layout.
package bundle

import (
	"time"

	"chuding/model"
	"chuding/model/calendar"
	"chuding/pdfgen"
)

// Format is the manifest's format version. Verify refuses any other.
const Format = "chuding-bundle/1"

// Names of the batch-level files in the archive.
const (
	ManifestName     = "manifest.json"
	RosterXLSXName   = "汇总表.xlsx"
	RosterPDFName    = "汇总表.pdf"
	PublicityName    = "公示.pdf"
	PublicityNote    = "公示情况说明.pdf"
	PeopleName       = "people.json"
	FormName         = "申报表.pdf"
	ChecklistName    = "材料清单.pdf"
	AttachmentFolder = "附件"
)

// Input is everything one bundle is made from. The desktop app fills it
// from the open database; the CLI from a database or a people file.
type Input struct {
	Unit   model.Unit
	Batch  model.Batch // its Policy decides the checks; its Publicity the period
	People []model.Person
	// Exclude lists the ID numbers of people the user chose to leave out
	// of this bundle; they are neither checked nor exported.
	Exclude []string
	// Attachment returns the bytes of a scanned file by its SHA-256, as
	// store.Store.Attachment does. Write calls it on its own goroutine,
	// one scan at a time, as that scan's turn in the archive comes.
	Attachment func(sha string) ([]byte, error)
	// Calendar counts the publicity's working days; nil means
	// calendar.Default().
	Calendar *calendar.Calendar
	// Now is the clock: the manifest's created time, the PDFs' creation
	// date, the zip entries' time, and "today" for the publicity check.
	// nil means time.Now.
	Now func() time.Time
	// Fonts to draw the PDFs with; nil means pdfgen.DefaultFonts().
	Fonts *pdfgen.Fonts
}

// Options tune Write.
type Options struct {
	// Draft exports even when Preflight finds problems: the manifest
	// says draft with the problems, and every 申报表 is marked 草稿.
	Draft bool
	// Workers is how many PDFs are generated at once; 0 means one per
	// CPU (runtime.GOMAXPROCS).
	Workers int
}

// Manifest is manifest.json: what the archive holds and how to check it.
type Manifest struct {
	Format  string    `json:"format"`
	App     App       `json:"app"`
	Created time.Time `json:"created"`
	// Draft is true when the bundle was exported despite pre-flight
	// problems (or on request): it must not be handed in as it is.
	Draft        bool             `json:"draft"`
	DraftReasons []string         `json:"draft_reasons"`
	Batch        model.Batch      `json:"batch"`
	Unit         model.Unit       `json:"unit"`
	Counts       Counts           `json:"counts"`
	People       []ManifestPerson `json:"people"`
	// Files lists every file of the archive except manifest.json itself,
	// in archive order.
	Files []File `json:"files"`
}

// App names the program and version that wrote the bundle.
type App struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Counts summarise the bundle.
type Counts struct {
	People      int   `json:"people"`      // people in the bundle
	Excluded    int   `json:"excluded"`    // people the user left out
	Eligible    int   `json:"eligible"`    // of People, those the rules accept
	Attachments int   `json:"attachments"` // scanned files
	Files       int   `json:"files"`       // len(Files)
	Bytes       int64 `json:"bytes"`       // total size of Files
}

// ManifestPerson is one person of the bundle. The ID number is masked: the
// full numbers are in people.json and the forms.
type ManifestPerson struct {
	No          int      `json:"no"`
	Name        string   `json:"name"`
	ID          string   `json:"id_masked"`
	Folder      string   `json:"folder"`
	Eligible    bool     `json:"eligible"`
	Title       string   `json:"title"`
	Attachments int      `json:"attachments"`
	Problems    []string `json:"problems"`
}

// File is one file of the archive with its size and SHA-256 (lower-case
// hex) of the uncompressed content.
type File struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

func (in *Input) now() time.Time {
	if in.Now != nil {
		return in.Now()
	}
	return time.Now()
}

func (in *Input) calendar() *calendar.Calendar {
	if in.Calendar != nil {
		return in.Calendar
	}
	return calendar.Default()
}

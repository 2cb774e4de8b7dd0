package pdfgen

import (
	"flag"
	"os"
	"testing"

	"chuding/pdfgen/pdftest"
)

// -look DIR renders every PDF a test passes to look() as PNGs in DIR, so a
// person can check the pages by eye (go test ./pdfgen -run Form -look /tmp/look).
var lookDir = flag.String("look", "", "render the test PDFs to PNG files in this folder")

func look(t *testing.T, name string, pdf []byte) {
	t.Helper()
	if *lookDir == "" {
		return
	}
	if err := os.MkdirAll(*lookDir, 0o700); err != nil {
		t.Fatal(err)
	}
	pdftest.Render(t, pdf, *lookDir, name, 80)
}

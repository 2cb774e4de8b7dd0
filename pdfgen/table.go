package pdfgen

import "fmt"

// Cell is one cell of a table row.
type Cell struct {
	Text  string
	Span  int // columns covered; 0 means 1
	Align Align
	Top   bool    // text from the top instead of vertically centred (long text)
	Bold  bool    // heavier look for labels and headings
	Size  float64 // font size in points; 0 means the table's
	// MinHeight makes the row at least this tall (blank boxes to sign in).
	MinHeight float64
}

// C is shorthand for a centred cell, the usual look of form labels.
func C(text string) Cell { return Cell{Text: text, Align: AlignCenter} }

// L is shorthand for a left-aligned cell, for values and running text.
func L(text string) Cell { return Cell{Text: text} }

// Table draws bordered rows across a fixed column grid. Cells wrap inside
// their columns and every row grows to its tallest cell, so nothing is
// clipped. When a row does not fit on the page the table calls NextPage
// (if set), repeats the header row and goes on; without NextPage it fails
// the document with an *OverflowError.
type Table struct {
	d      *Doc
	x, w   float64
	widths []float64
	y      float64
	header []Cell

	// Size is the font size of cells (default 五号).
	Size float64
	// PadX and PadY are the inner margins of each cell.
	PadX, PadY float64
	// MinRow is the least height of a row.
	MinRow float64
	// NextPage, when set, starts a new page for the table to continue on
	// and returns the y at which it continues (below any page heading).
	NextPage func() float64
}

// NewTable starts a table at y spanning the content width of the current
// page. widths are relative: they are scaled to fill the width.
func (d *Doc) NewTable(y float64, widths ...float64) *Table {
	c := d.content
	return d.NewTableAt(c.X, y, c.W, widths...)
}

// NewTableAt starts a table at (x, y), w wide, with relative column widths.
func (d *Doc) NewTableAt(x, y, w float64, widths ...float64) *Table {
	sum := 0.0
	for _, v := range widths {
		sum += v
	}
	cols := make([]float64, len(widths))
	for i, v := range widths {
		cols[i] = round(v / sum * w)
	}
	return &Table{d: d, x: x, w: w, widths: cols, y: y, Size: SizeWuHao, PadX: 4, PadY: 3, MinRow: 22}
}

// Y is where the next row will start (the bottom of the table so far).
func (t *Table) Y() float64 { return t.y }

// SetY moves the next row to y (e.g. after drawing something beside it).
func (t *Table) SetY(y float64) { t.y = y }

// Columns returns the column widths in points.
func (t *Table) Columns() []float64 { return append([]float64(nil), t.widths...) }

// Header draws a header row now and repeats it at the top of every page
// the table continues on.
func (t *Table) Header(cells ...Cell) {
	t.header = cells
	t.Row(cells...)
}

// Row draws one row.
func (t *Table) Row(cells ...Cell) {
	h := t.RowHeight(cells...)
	if !t.room(h) {
		return
	}
	t.drawRow(t.x, t.widths, cells, h)
}

// Texts draws one row of plain centred cells, one per column.
func (t *Table) Texts(texts ...string) {
	cells := make([]Cell, len(texts))
	for i, s := range texts {
		cells[i] = C(s)
	}
	t.Row(cells...)
}

// RowHeight measures the row without drawing it.
func (t *Table) RowHeight(cells ...Cell) float64 {
	return t.rowHeight(t.widths, cells)
}

// Group draws rows with one label cell spanning all of them in the first
// column, like the vertical 学历学位 label of a government form; each row
// fills the remaining columns. If the group breaks across pages, the label
// is repeated beside each part.
func (t *Table) Group(label string, rows ...[]Cell) {
	if len(t.widths) < 2 || len(rows) == 0 {
		t.d.Fail(fmt.Errorf("表格分组“%s”没有内容", label))
		return
	}
	inner := t.widths[1:]
	heights := make([]float64, len(rows))
	total := 0.0
	for i, r := range rows {
		heights[i] = t.rowHeight(inner, r)
		total += heights[i]
	}
	labelCell := Cell{Text: label, Align: AlignCenter, Bold: true}
	if need := t.cellHeight(t.widths[0], labelCell); need > total {
		heights[len(heights)-1] += need - total
	}
	start := t.y
	for i, r := range rows {
		if t.y+heights[i] > t.d.content.Bottom()+0.01 && t.y > start {
			t.drawCell(t.x, start, t.widths[0], t.y-start, labelCell)
			if !t.room(heights[i]) {
				return
			}
			start = t.y
		} else if !t.room(heights[i]) {
			return
		}
		t.drawRow(t.x+t.widths[0], inner, r, heights[i])
	}
	t.drawCell(t.x, start, t.widths[0], t.y-start, labelCell)
}

// GroupHeight measures a Group without drawing it.
func (t *Table) GroupHeight(label string, rows ...[]Cell) float64 {
	total := 0.0
	for _, r := range rows {
		total += t.rowHeight(t.widths[1:], r)
	}
	need := t.cellHeight(t.widths[0], Cell{Text: label, Bold: true})
	return max(total, need)
}

// room makes sure h fits below t.y, turning the page if the table may.
func (t *Table) room(h float64) bool {
	d := t.d
	if d.err != nil {
		return false
	}
	if t.y+h <= d.content.Bottom()+0.01 || d.dry {
		return true
	}
	if t.NextPage == nil || h > d.content.H {
		d.Fail(&OverflowError{Text: "表格", Need: t.y + h - d.content.Y, Have: d.content.H})
		return false
	}
	t.y = t.NextPage()
	if t.header != nil {
		hh := t.RowHeight(t.header...)
		t.drawRow(t.x, t.widths, t.header, hh)
	}
	if t.y+h > d.content.Bottom()+0.01 {
		d.Fail(&OverflowError{Text: "表格", Need: h, Have: d.content.Bottom() - t.y})
		return false
	}
	return true
}

func (t *Table) rowHeight(widths []float64, cells []Cell) float64 {
	h := t.MinRow
	col := 0
	for _, c := range cells {
		w := spanWidth(widths, col, c.Span)
		col += span(c)
		h = max(h, t.cellHeight(w, c), c.MinHeight)
	}
	return round(h)
}

func (t *Table) cellHeight(w float64, c Cell) float64 {
	d := t.d
	d.SetFontSize(t.size(c))
	return d.TextHeight(c.Text, w-2*t.PadX) + 2*t.PadY
}

func (t *Table) size(c Cell) float64 {
	if c.Size > 0 {
		return c.Size
	}
	return t.Size
}

func (t *Table) drawRow(x float64, widths []float64, cells []Cell, h float64) {
	col := 0
	for _, c := range cells {
		w := spanWidth(widths, col, c.Span)
		t.drawCell(x, t.y, w, h, c)
		x += w
		col += span(c)
	}
	if col != len(widths) {
		t.d.Fail(fmt.Errorf("表格的一行有 %d 列，应为 %d 列", col, len(widths)))
	}
	t.y = round(t.y + h)
}

// CellAt draws one bordered cell of this table's style at any rectangle,
// for cells that span rows (a photo box, a label beside several tables).
func (t *Table) CellAt(r Rect, c Cell) { t.drawCell(r.X, r.Y, r.W, r.H, c) }

func (t *Table) drawCell(x, y, w, h float64, c Cell) {
	d := t.d
	d.LineWidth(0.6)
	d.Box(Rect{X: x, Y: y, W: w, H: h})
	if c.Text == "" {
		return
	}
	d.SetFontSize(t.size(c))
	inner := Rect{X: x + t.PadX, Y: y + t.PadY, W: w - 2*t.PadX, H: h - 2*t.PadY}
	d.TextIn(inner, c.Text, c.Align, c.Top)
	if c.Bold {
		off := round(d.size * 0.03)
		inner.X += off
		d.TextIn(inner, c.Text, c.Align, c.Top)
	}
}

func span(c Cell) int {
	if c.Span < 1 {
		return 1
	}
	return c.Span
}

func spanWidth(widths []float64, col, n int) float64 {
	if n < 1 {
		n = 1
	}
	w := 0.0
	for i := col; i < col+n && i < len(widths); i++ {
		w += widths[i]
	}
	return w
}

//go:build ignore

// ttc2ttf copies one face of a TrueType Collection into a standalone .ttf.
// gopdf and Fyne both refuse .ttc files, so the bundled font was made with:
//
//	go run assets/fonts/ttc2ttf.go /usr/share/fonts/truetype/wqy/wqy-microhei.ttc 0 assets/fonts/wqy-microhei.ttf
package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"strconv"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: ttc2ttf IN.ttc FACE OUT.ttf")
		os.Exit(2)
	}
	face, err := strconv.Atoi(os.Args[2])
	check(err)
	in, err := os.ReadFile(os.Args[1])
	check(err)
	out, err := extract(in, face)
	check(err)
	check(os.WriteFile(os.Args[3], out, 0o644))
}

func extract(ttc []byte, face int) ([]byte, error) {
	be := binary.BigEndian
	if len(ttc) < 12 || string(ttc[:4]) != "ttcf" {
		return nil, fmt.Errorf("not a TrueType collection")
	}
	n := int(be.Uint32(ttc[8:]))
	if face < 0 || face >= n {
		return nil, fmt.Errorf("face %d out of range (collection has %d)", face, n)
	}
	dir := int(be.Uint32(ttc[12+4*face:]))
	numTables := int(be.Uint16(ttc[dir+4:]))
	headerLen := 12 + 16*numTables
	out := make([]byte, headerLen)
	copy(out, ttc[dir:dir+12])
	for i := 0; i < numTables; i++ {
		rec := ttc[dir+12+16*i : dir+28+16*i]
		off, length := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		dst := out[12+16*i : 28+16*i]
		copy(dst, rec)
		be.PutUint32(dst[8:], uint32(len(out)))
		out = append(out, ttc[off:off+length]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

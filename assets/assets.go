// Package assets embeds the files the app and the PDFs share: the Chinese
// font (WenQuanYi Micro Hei, Apache-2.0, see fonts/LICENSE-wqy-microhei.txt)
// and the application icon.
package assets

import _ "embed"

// FontTTF is face 0 of WenQuanYi Micro Hei as a plain TrueType file. Both the
// Fyne theme and gopdf need a .ttf (neither loads a .ttc collection).
//
//go:embed fonts/wqy-microhei.ttf
var FontTTF []byte

// FontName is the family name used when the font is registered with gopdf.
const FontName = "wqy-microhei"

// IconPNG is the 512×512 application icon.
//
//go:embed icon.png
var IconPNG []byte

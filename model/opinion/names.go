package opinion

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// surnames are the common single-character surnames. A name is only
// recognised when it starts with one of these, so ordinary words before
// "同志" (该同志, 青年同志, 党员同志) are not mistaken for names; rare surnames
// are missed rather than risking false alarms.
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹耿焦俞柳甘祝包宁尚舒阮柯纪梅童凌毕季裴霍涂苗谷盛翁冉骆蓝游辛靳柴蒙鲍喻祁蒲滕屈饶艾尤穆卓缪褚娄窦戚岑景费卜冷晏席卫瞿桂佟臧闵苟邬卞姬栾隋刁巫寇桑郎甄丛虞敖巩佘邝"

// compoundSurnames are the two-character surnames.
var compoundSurnames = []string{"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "西门", "南宫"}

// notNameEnd are characters that end the words commonly written before
// "同志" (该同志, 这位同志, 老同志, 党员同志 …); a candidate ending in one is
// not taken for a name.
const notNameEnd = "该此这那位名个老女男年们的员上述他其余报秀轻志部体有好些各大称"

// nameLabels introduce a name in form style ("姓名：张三").
var nameLabels = []string{"姓名", "申报人", "申请人", "被鉴定人"}

// otherNames finds names other than the applicant's: "XX同志", "姓名：XX"
// and an opening "XX，男/女，". One problem per distinct name.
func otherNames(sc *scanned, name string) []Problem {
	body := sc.body
	var names []string
	for _, at := range sc.comrades {
		if n := nameBefore(body[:at], name); n != "" {
			names = appendDistinct(names, n)
		}
	}
	for _, at := range sc.colons {
		_, size := utf8.DecodeRuneInString(body[at:])
		if hasAnySuffix(strings.TrimRight(body[:at], " \t　"), nameLabels) {
			if n := leadingName(strings.TrimLeft(body[at+size:], " \t　")); n != name && plausibleName(n) {
				names = appendDistinct(names, n)
			}
		}
	}
	if n := openingName(body); n != name && plausibleName(n) {
		names = appendDistinct(names, n)
	}
	probs := make([]Problem, 0, len(names))
	for _, n := range names {
		probs = append(probs, Problem{CodeOtherName, fmt.Sprintf(
			"鉴定意见中出现了“%s”，与申报人姓名“%s”不符，可能是从别人的鉴定意见复制来的。请改为申报人本人的姓名和情况。", n, name)})
	}
	return probs
}

// nameBefore returns the name written right before "同志" at the end of s,
// or "" when it is the applicant or no name is there.
func nameBefore(s, name string) string {
	if strings.HasSuffix(s, name) {
		return ""
	}
	h := lastHan(s, 4)
	n := len(h)
	if n < 2 || strings.ContainsRune(notNameEnd, h[n-1]) {
		return ""
	}
	// The longest reading that starts with a surname wins: in 同意王小明同志
	// it is 王小明 (意王小明 does not start with one).
	for l := min(n, 4); l >= 2; l-- {
		if cand := h[n-l:]; isNameShape(cand) {
			return string(cand)
		}
	}
	return ""
}

// lastHan returns the up to max Han characters s ends with, in order.
func lastHan(s string, max int) []rune {
	var buf [4]rune
	i := len(buf)
	for i > len(buf)-max && s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !isHan(r) {
			break
		}
		i--
		buf[i] = r
		s = s[:len(s)-size]
	}
	return buf[i:]
}

// isNameShape reports whether cand looks like a full name: a common
// surname and one or two given-name characters, or a compound surname and
// one or two more.
func isNameShape(cand []rune) bool {
	if len(cand) >= 3 {
		for _, c := range compoundSurnames {
			if strings.HasPrefix(string(cand), c) {
				return true
			}
		}
	}
	return len(cand) <= 3 && strings.ContainsRune(surnames, cand[0])
}

// plausibleName rules out the pronoun phrases written where a name could
// stand (申报人：该同志, 本人，男).
func plausibleName(n string) bool {
	r, _ := utf8.DecodeRuneInString(n)
	return n != "" && !strings.ContainsRune("该此本其这那", r) && !strings.HasSuffix(n, "同志")
}

// leadingName returns the 2–4 Han characters s starts with, or "".
func leadingName(s string) string {
	n, end := 0, 0
	for i, r := range s {
		if !isHan(r) {
			break
		}
		n++
		end = i + utf8.RuneLen(r)
	}
	if n < 2 || n > 4 {
		return ""
	}
	return s[:end]
}

// openingName reads the résumé-style opening "张三，男，…".
func openingName(body string) string {
	s := strings.TrimLeft(body, " \t\r\n　")
	n := leadingName(s)
	if n == "" {
		return ""
	}
	rest := s[len(n):]
	for _, sep := range []string{"，男", "，女", ",男", ",女", "（男", "（女", "(男", "(女"} {
		if strings.HasPrefix(rest, sep) {
			return n
		}
	}
	return ""
}

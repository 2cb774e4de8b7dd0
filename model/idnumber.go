package model

import (
	"fmt"
	"strings"
	"time"
)

// Resident is what a citizen ID number (GB 11643-1999) tells about its holder.
type Resident struct {
	Number string // 18 characters, check digit upper-case
	Birth  Date
	Gender string // 男 or 女
}

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// ParseID validates an 18-digit resident ID number (region code, birth date,
// sequence, ISO 7064 MOD 11-2 check digit) and derives birth date and gender.
// Errors are Chinese and tell the user how to fix the number.
func ParseID(s string) (Resident, error) {
	n := strings.ToUpper(strings.TrimSpace(s))
	n = strings.ReplaceAll(n, "Ｘ", "X")
	switch {
	case n == "":
		return Resident{}, fmt.Errorf("身份证号码不能为空")
	case len(n) == 15 && allDigits(n):
		return Resident{}, fmt.Errorf("身份证号码“%s”是15位旧号码，请改填18位居民身份证号码", MaskID(n))
	case len(n) != 18:
		return Resident{}, fmt.Errorf("身份证号码应为18位，现为%d位，请核对", len([]rune(n)))
	case !allDigits(n[:17]) || !(n[17] == 'X' || isDigit(n[17])):
		return Resident{}, fmt.Errorf("身份证号码只能由数字组成，最后一位可以是X，请核对")
	case n[:2] < "11" || n[:2] > "91":
		return Resident{}, fmt.Errorf("身份证号码前两位“%s”不是有效的省级行政区划代码，请核对", n[:2])
	}
	birth, ok := idBirth(n[6:14])
	if !ok || birth.After(Today()) {
		return Resident{}, fmt.Errorf("身份证号码第7至14位的出生日期“%s”无效，请核对", n[6:14])
	}
	if want := idCheckDigit(n); n[17] != want {
		return Resident{}, fmt.Errorf("身份证号码校验位错误：按前17位计算最后一位应为%c，请核对是否有数字录错", want)
	}
	gender := "女"
	if (n[16]-'0')%2 == 1 {
		gender = "男"
	}
	return Resident{Number: n, Birth: birth, Gender: gender}, nil
}

// idBirth reads the YYYYMMDD birth date without ParseDate's regular
// expressions: ID checks run for every person on every evaluation.
func idBirth(s string) (Date, bool) {
	y, m, d := atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
	if y < 1900 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Date{}, false
	}
	return Date{Year: y, Month: time.Month(m), Day: d}, true
}

// atoi reads a run of ASCII digits the caller has already checked.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func idCheckDigit(n string) byte {
	sum := 0
	for i, w := range idWeights {
		sum += int(n[i]-'0') * w
	}
	return idCheckChars[sum%11]
}

// MaskID hides the birth date and sequence of an ID number so that logs and
// lists never show it in full: 320706********0227. Short input is masked whole.
func MaskID(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) < 11 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:6]) + strings.Repeat("*", len(r)-10) + string(r[len(r)-4:])
}

// AgeOn is the age in whole years on day d for someone born on birth.
func AgeOn(birth, d Date) int {
	age := d.Year - birth.Year
	if d.Month < birth.Month || (d.Month == birth.Month && d.Day < birth.Day) {
		age--
	}
	return age
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

package rules

import (
	"time"

	"chuding/model"
)

// idValid reports whether id is a valid resident ID number. model.ParseID
// is the judge, but its date parsing goes through regular expressions and
// costs most of an evaluation; this regex-free path accepts only the
// canonical form ParseID accepts (18 characters, upper-case X) and passes
// everything else to ParseID. TestIDFastPathAgrees keeps the two in step.
// TODO(lead): drop this once model.ParseDate reads 8-digit dates without regexps.
func idValid(id string, today model.Date) (bool, error) {
	if canonicalIDValid(id, today) {
		return true, nil
	}
	_, err := model.ParseID(id)
	return err == nil, err
}

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

func canonicalIDValid(n string, today model.Date) bool {
	if len(n) != 18 || n[:2] < "11" || n[:2] > "91" {
		return false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := n[i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * idWeights[i]
	}
	if n[17] != "10X98765432"[sum%11] {
		return false
	}
	y, m, d := digits(n[6:10]), digits(n[10:12]), digits(n[12:14])
	if y < 1900 || m < 1 || m > 12 || d < 1 || d > time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return false
	}
	return !model.NewDate(y, time.Month(m), d).After(today)
}

// digits reads a run of ASCII digits already checked by the caller.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

package rules

import (
	"math/rand/v2"
	"testing"

	"chuding/model"
)

// TestIDFastPathAgrees mutates valid ID numbers in every way an officer
// might mistype them and checks that the fast path never accepts what
// model.ParseID rejects, and accepts every canonical valid number.
func TestIDFastPathAgrees(t *testing.T) {
	valid := []string{"320706199904120227", "320722200109080313", "320703199601210488",
		"320707199506170153", "320724200003050274", "11010519491231002X"}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "0123456789Xx -Ｘ"
	today := model.Today()
	tried := 0
	check := func(id string) {
		tried++
		_, perr := model.ParseID(id)
		fast := canonicalIDValid(id, today)
		ok, err := idValid(id, today)
		if fast && perr != nil {
			t.Errorf("%q: fast path accepts, ParseID says %v", id, perr)
		}
		if ok != (perr == nil) || (err == nil) != (perr == nil) {
			t.Errorf("%q: idValid %v %v, ParseID %v", id, ok, err, perr)
		}
	}
	for _, v := range valid {
		if !canonicalIDValid(v, today) {
			t.Errorf("%s: fast path rejects a canonical valid number", v)
		}
		for i := 0; i < 2000; i++ {
			b := []rune(v)
			switch rng.IntN(4) {
			case 0: // change one character
				b[rng.IntN(len(b))] = []rune(alphabet)[rng.IntN(len([]rune(alphabet)))]
			case 1: // drop one
				k := rng.IntN(len(b))
				b = append(b[:k], b[k+1:]...)
			case 2: // swap two neighbours
				k := rng.IntN(len(b) - 1)
				b[k], b[k+1] = b[k+1], b[k]
			case 3: // a different birth date, possibly impossible or future
				y := 1890 + rng.IntN(150)
				copy(b[6:14], []rune(model.NewDate(y, 1, 1).String()[:4]+
					string(rune('0'+rng.IntN(2)))+string(rune('0'+rng.IntN(10)))+
					string(rune('0'+rng.IntN(4)))+string(rune('0'+rng.IntN(10)))))
			}
			check(string(b))
		}
	}
	for _, id := range []string{"", "32070619990412022x", " 320706199904120227", "320706199902300227",
		"000706199904120227", "990706199904120227", "320706209904120227", "320706199904120227\n"} {
		check(id)
	}
	if tried < 10000 {
		t.Errorf("only %d numbers tried", tried)
	}
}

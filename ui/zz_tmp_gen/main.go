// Temporary generator for performance runs; not committed.
package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"

	"chuding/model"
	"chuding/model/peoplefile"
	"chuding/model/policy"
	"chuding/model/store"
)

func validID(prefix string) string {
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range prefix {
		sum += int(c-'0') * w[i]
	}
	return prefix + string("10X98765432"[sum%11])
}

func main() {
	n, _ := strconv.Atoi(os.Args[2])
	data, _ := os.ReadFile("/work/main/testdata/people-sample.json")
	tmpl, err := peoplefile.Read(bytes.NewReader(data))
	if err != nil {
		panic(err)
	}
	st, err := store.Open(os.Args[1], store.Options{NoBackup: true})
	if err != nil {
		panic(err)
	}
	defer st.Close()
	b := model.Batch{Name: "2025年上半年", Policy: policy.Builtin2025H1()}
	if err := st.SaveBatch(&b); err != nil {
		panic(err)
	}
	st.SaveUnit(model.Unit{Name: tmpl[0].Unit, Kind: "企业", Contact: "王经办", Phone: "0518-85550000"})
	people := make([]model.Person, n)
	for i := range people {
		p := tmpl[i%len(tmpl)]
		p.Name = fmt.Sprintf("%s%d", p.Name, i)
		p.IDNumber = validID(fmt.Sprintf("3207061990%02d%02d%03d", 1+i%12, 1+i%28, i%1000))
		people[i] = p
	}
	if err := st.ImportPeople(b.ID, people); err != nil {
		panic(err)
	}
	fmt.Println("ok", n)
}

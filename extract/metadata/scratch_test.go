package metadata

import "testing"

func TestScratch(t *testing.T) {
	for _, s := range []string{"Jane Smith, Reuters", "Jane Smith, Senior Editor", "By Jane Smith, Senior Editor at Example", "Di Mario Rossi", "Przez Jan Kowalski", "Автор: Иван Петров", "작성자: 김철수", "著者：山田太郎", "作者：王小明", "Updated By: John Doe", "Von Anna Muster", "Par Jean Dupont", "J.R. Smith", "jdoe", "@jdoe", "Anna &amp; Ben", "Oleh Budi Santoso", "Yazar: Ahmet Yılmaz", "Door Jan Jansen", "Af Lars Hansen", "R.C. Baker", "Stefanus Stahl", "Jane Smith (Reuters)", "Jane Smith | Reuters", "Mrs H Pyke"} {
		t.Logf("%q -> %q", s, cleanAuthors([]string{s}, true))
	}
}

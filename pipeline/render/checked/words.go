package checked

import (
	"coopreport/pipeline/lang"
)

// words are the texts the checked copies write for people: the summary
// sheet, the marks of the Problems column and the comments. The Problems
// column's header is schema.ProblemsHeaderIn, which the reader knows in
// every language.
var words = lang.Table{
	"Summary":              {FR: "Résumé", MN: "Хураангуй", RU: "Сводка"},
	"Summary (checked %s)": {FR: "Résumé (vérifié %s)", MN: "Хураангуй (шалгасан %s)", RU: "Сводка (проверка %s)"},
	"Checked copy of %s":   {FR: "Copie vérifiée de %s", MN: "%s файлын шалгасан хуулбар", RU: "Проверенная копия %s"},
	"The rows of %s as they were read, with what is wrong marked. Correct the marked cells and put this workbook in place of the original.": {
		FR: "Les lignes de %s telles qu’elles ont été lues, avec ce qui ne va pas signalé. Corrigez les cellules signalées et mettez ce classeur à la place de l’original.",
		MN: "%s файлын мөрүүдийг уншсан ёсоор нь, алдааг тэмдэглэсэн. Тэмдэглэсэн нүдийг засаад энэ ажлын номыг эх файлын оронд тавина уу.",
		RU: "Строки %s в том виде, в каком они прочитаны, с отмеченными ошибками. Исправьте отмеченные ячейки и поместите эту книгу на место исходной.",
	},
	"put this workbook in the input folder in place of %s": {
		FR: "mettez ce classeur dans le dossier d’entrée à la place de %s",
		MN: "энэ ажлын номыг оролтын хавтсанд %s файлын оронд тавиад",
		RU: "поместите эту книгу в папку входных данных вместо %s",
	},
	"remove %s from the input folder and put this workbook there instead (rename it if you like; keep the .xlsx extension)": {
		FR: "retirez %s du dossier d’entrée et mettez-y ce classeur à sa place (renommez-le si vous le souhaitez, en gardant l’extension .xlsx)",
		MN: "%s файлыг оролтын хавтаснаас хасаж, оронд нь энэ ажлын номыг тавиад (хүсвэл нэрийг нь өөрчилж болно; .xlsx өргөтгөлийг хадгална уу)",
		RU: "удалите %s из папки входных данных и поместите туда эту книгу (её можно переименовать, сохранив расширение .xlsx)",
	},
	"Made by coopreport %s on %s, from the file whose SHA-256 is %s.": {
		FR: "Établi par coopreport %s le %s, à partir du fichier dont le SHA-256 est %s.",
		MN: "coopreport %s программ %s-нд SHA-256 нь %s бүхий файлаас үүсгэсэн.",
		RU: "Создано программой coopreport %s %s из файла с SHA-256 %s.",
	},
	"The sheets after this one hold the rows of %s as they were read, in the same rows and columns, but for a first column %q in the sheets that have problems, which says what is wrong with each row. Red cells were rejected: their rows are not counted in the report. Yellow cells were read, but check them. Each marked cell has a comment saying why and how to correct it.": {
		FR: "Les feuilles suivantes contiennent les lignes de %s telles qu’elles ont été lues, aux mêmes lignes et colonnes, à ceci près qu’une première colonne %q, dans les feuilles qui présentent des problèmes, indique ce qui ne va pas dans chaque ligne. Les cellules rouges ont été rejetées : leurs lignes ne sont pas comptées dans le rapport. Les cellules jaunes ont été lues, mais vérifiez-les. Chaque cellule signalée porte un commentaire expliquant pourquoi et comment la corriger.",
		MN: "Энэ хуудасны дараах хуудсуудад %s файлын мөрүүдийг уншсан ёсоор нь, ижил мөр, баганад нь байрлуулсан; зөвхөн алдаатай хуудсанд мөр бүрийн алдааг заасан %q гэсэн эхний багана нэмсэн. Улаан нүдийг татгалзсан: тэдгээрийн мөрийг тайланд тоолоогүй. Шар нүдийг уншсан ч шалгана уу. Тэмдэглэсэн нүд бүрд шалтгаан, засах аргыг тайлбарласан тайлбар бий.",
		RU: "На следующих листах — строки %s в том виде, в каком они прочитаны, в тех же строках и столбцах; лишь на листах с ошибками добавлен первый столбец %q, где указано, что не так в каждой строке. Красные ячейки отклонены: их строки не учтены в докладе. Жёлтые ячейки прочитаны, но их следует проверить. У каждой отмеченной ячейки есть примечание: почему она отмечена и как её исправить.",
	},
	"Correct the marked cells in this workbook, then %s, and run coopreport again. The %s column and this sheet are not read.": {
		FR: "Corrigez les cellules signalées dans ce classeur, puis %s, et relancez coopreport. La colonne %s et cette feuille ne sont pas lues.",
		MN: "Энэ ажлын номын тэмдэглэсэн нүдийг засаж, дараа нь %s, coopreport-ыг дахин ажиллуулна уу. %s багана болон энэ хуудсыг уншихгүй.",
		RU: "Исправьте отмеченные ячейки в этой книге, затем %s и снова запустите coopreport. Столбец «%s» и этот лист не читаются.",
	},
	"The file is too large to be read, and to be copied here: see rejects.csv for its rejected rows.": {
		FR: "Le fichier est trop volumineux pour être lu et copié ici : voir rejects.csv pour ses lignes rejetées.",
		MN: "Файл хэт том тул уншиж, энд хуулах боломжгүй: татгалзсан мөрүүдийг rejects.csv-ээс үзнэ үү.",
		RU: "Файл слишком велик, чтобы его прочитать и скопировать сюда: отклонённые строки см. в rejects.csv.",
	},
	"Sheet":               {FR: "Feuille", MN: "Хуудас", RU: "Лист"},
	"Read as":             {FR: "Lue comme", MN: "Уншсан төрөл", RU: "Прочитан как"},
	"Rows read":           {FR: "Lignes lues", MN: "Уншсан мөр", RU: "Прочитано строк"},
	"Accepted":            {FR: "Acceptées", MN: "Хүлээн авсан", RU: "Принято"},
	"Rejected":            {FR: "Rejetées", MN: "Татгалзсан", RU: "Отклонено"},
	"Most common reasons": {FR: "Motifs les plus fréquents", MN: "Хамгийн түгээмэл шалтгаан", RU: "Наиболее частые причины"},
	"Notes":               {FR: "Notes", MN: "Тэмдэглэл", RU: "Примечания"},
	"not read":            {FR: "non lue", MN: "уншаагүй", RU: "не прочитан"},
	"agreements":          {FR: "accords", MN: "гэрээ", RU: "соглашения"},
	"activities":          {FR: "activités", MN: "үйл ажиллагаа", RU: "мероприятия"},
	"measures":            {FR: "mesures", MN: "арга хэмжээ", RU: "меры"},
	"rates":               {FR: "taux de change", MN: "ханш", RU: "курсы валют"},
	"aliases":             {FR: "alias", MN: "өөр нэрс", RU: "синонимы"},
	"%s held formulas: the copy holds their results, not the formulas (the first: %s)": {
		FR: "%s contenaient des formules : la copie en contient les résultats, non les formules (la première : %s)",
		MN: "%s томьёотой байсан: хуулбарт томьёо биш, үр дүнг нь хадгалсан (эхнийх нь: %s)",
		RU: "%s содержали формулы: в копии — их результаты, а не формулы (первая: %s)",
	},
	"%s to check (yellow)": {FR: "%s à vérifier (en jaune)", MN: "шалгах %s (шар)", RU: "%s для проверки (жёлтые)"},
	"%s (%s)":              {FR: "%s (%s)", MN: "%s (%s)", RU: "%s (%s)"},
	"To check — ":          {FR: "À vérifier — ", MN: "Шалгах — ", RU: "Проверить — "},
	"To check: ":           {FR: "À vérifier : ", MN: "Шалгах: ", RU: "Проверить: "},
	"cell|cells":           {FR: "cellule|cellules", MN: "нүд|нүд", RU: "ячейка|ячейки|ячеек"},
	"row|rows":             {FR: "ligne|lignes", MN: "мөр|мөр", RU: "строка|строки|строк"},
}

// countOf is n things ("3 cells", "3 ячейки") in l; forms is the
// English key of words, "one|other" (see lang.Table.Count).
func countOf(l lang.Lang, n int, forms string) string { return words.Count(l, int64(n), forms) }

func (b *book) w(en string) string { return words.In(b.r.Lang, en) }

func (b *book) wf(en string, args ...any) string { return words.F(b.r.Lang, en, args...) }

package xlsx

import (
	"strconv"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"
)

// words are the texts the workbook writes for people: sheet names,
// headers, notes, the About sheet. The names of the sheets are the ones
// the report's sentences use (package markdown).
var words = lang.Table{
	"Multilateral": {FR: "Multilatéral", MN: "Олон талт", RU: "Многосторонние"}, // the About sheet's term
	// Sheet names: at most 31 characters, none of []:*?/\.
	"Summary":     {FR: "Résumé", MN: "Хураангуй", RU: "Сводка"},
	"Finance":     {FR: "Finances", MN: "Санхүү", RU: "Финансы"},
	"Agreements":  {FR: "Accords", MN: "Гэрээ", RU: "Соглашения"},
	"Activities":  {FR: "Activités", MN: "Үйл ажиллагаа", RU: "Мероприятия"},
	"Data issues": {FR: "Problèmes de données", MN: "Өгөгдлийн алдаа", RU: "Ошибки данных"},
	"Changes":     {FR: "Modifications", MN: "Өөрчлөлт", RU: "Изменения"},
	"About":       {FR: "À propos", MN: "Тухай", RU: "О документе"},

	// Headers.
	"Period":                       {FR: "Période", MN: "Хугацаа", RU: "Период"},
	"Country code":                 {FR: "Code pays", MN: "Улсын код", RU: "Код страны"},
	"Country":                      {FR: "Pays", MN: "Улс", RU: "Страна"},
	"Agreements signed":            {FR: "Accords signés", MN: "Байгуулсан гэрээ", RU: "Подписано соглашений"},
	"Agreements in force":          {FR: "Accords en vigueur", MN: "Хүчин төгөлдөр гэрээ", RU: "Действующие соглашения"},
	"Participants":                 {FR: "Participants", MN: "Оролцогчид", RU: "Участники"},
	"Currency":                     {FR: "Devise", MN: "Валют", RU: "Валюта"},
	"Amount":                       {FR: "Montant", MN: "Дүн", RU: "Сумма"},
	"Reporting currency":           {FR: "Devise de déclaration", MN: "Тайлангийн валют", RU: "Валюта отчётности"},
	"Rate":                         {FR: "Taux", MN: "Ханш", RU: "Курс"},
	"Amount in reporting currency": {FR: "Montant en devise de déclaration", MN: "Тайлангийн валютаар дүн", RU: "Сумма в валюте отчётности"},
	"Note":                         {FR: "Note", MN: "Тэмдэглэл", RU: "Примечание"},
	"ID":                           {FR: "Identifiant", MN: "Дугаар", RU: "Идентификатор"},
	"Region":                       {FR: "Région", MN: "Бүс нутаг", RU: "Регион"},
	"Partner":                      {FR: "Partenaire", MN: "Түнш", RU: "Партнёр"},
	"Counterpart":                  {FR: "Homologue", MN: "Хамтрагч байгууллага", RU: "Контрагент"},
	"Sector":                       {FR: "Secteur", MN: "Салбар", RU: "Сектор"},
	"Instrument":                   {FR: "Instrument", MN: "Баримт бичгийн төрөл", RU: "Вид документа"},
	"Title":                        {FR: "Titre", MN: "Нэр", RU: "Название"},
	"Signed":                       {FR: "Signé le", MN: "Байгуулсан огноо", RU: "Дата подписания"},
	"Valid from":                   {FR: "En vigueur du", MN: "Хүчинтэй эхлэх", RU: "Действует с"},
	"Valid to":                     {FR: "En vigueur jusqu’au", MN: "Хүчинтэй дуусах", RU: "Действует по"},
	"Status (register)":            {FR: "Statut (registre)", MN: "Төлөв (бүртгэл)", RU: "Статус (реестр)"},
	"Status during the period":     {FR: "Statut pendant la période", MN: "Тайлант хугацаан дахь төлөв", RU: "Статус в отчётном периоде"},
	"Days until expiry":            {FR: "Jours avant l’expiration", MN: "Дуусах хүртэлх хоног", RU: "Дней до истечения"},
	"Measure":                      {FR: "Mesure", MN: "Арга хэмжээ", RU: "Мера"},
	"Notes":                        {FR: "Notes", MN: "Тэмдэглэл", RU: "Примечания"},
	"Date":                         {FR: "Date", MN: "Огноо", RU: "Дата"},
	"End":                          {FR: "Fin", MN: "Дуусах огноо", RU: "Окончание"},
	"Agreement":                    {FR: "Accord", MN: "Гэрээ", RU: "Соглашение"},
	"Type":                         {FR: "Type", MN: "Төрөл", RU: "Тип"},
	"Conversion":                   {FR: "Conversion", MN: "Хөрвүүлэлт", RU: "Пересчёт"},
	"Funding":                      {FR: "Financement", MN: "Санхүүжилт", RU: "Финансирование"},
	"Agency":                       {FR: "Organisme", MN: "Байгууллага", RU: "Ведомство"},
	"Source file":                  {FR: "Fichier source", MN: "Эх файл", RU: "Исходный файл"},
	"Source sheet":                 {FR: "Feuille source", MN: "Эх хуудас", RU: "Исходный лист"},
	"Source row":                   {FR: "Ligne source", MN: "Эх мөр", RU: "Исходная строка"},
	"File":                         {FR: "Fichier", MN: "Файл", RU: "Файл"},
	"Sheet":                        {FR: "Feuille", MN: "Хуудас", RU: "Лист"},
	"Row":                          {FR: "Ligne", MN: "Мөр", RU: "Строка"},
	"Column":                       {FR: "Colonne", MN: "Багана", RU: "Столбец"},
	"Value":                        {FR: "Valeur", MN: "Утга", RU: "Значение"},
	"Reason":                       {FR: "Motif", MN: "Шалтгаан", RU: "Причина"},
	"What":                         {FR: "Quoi", MN: "Юу", RU: "Что"},
	"Bucket":                       {FR: "Intervalle", MN: "Үе", RU: "Интервал"},
	"Figure":                       {FR: "Chiffre", MN: "Үзүүлэлт", RU: "Показатель"},
	"Old":                          {FR: "Ancien", MN: "Өмнөх", RU: "Было"},
	"New":                          {FR: "Nouveau", MN: "Шинэ", RU: "Стало"},
	"Bucket closed":                {FR: "Intervalle clos", MN: "Үе хаагдсан", RU: "Интервал закрыт"},
	"Column %d":                    {FR: "Colonne %d", MN: "%d-р багана", RU: "Столбец %d"},

	// Values and marks in cells.
	"All countries":             {FR: "Tous les pays", MN: "Бүх улс", RU: "Все страны"},
	"All partners":              {FR: "Tous les partenaires", MN: "Бүх түнш", RU: "Все партнёры"},
	"Total":                     {FR: "Total", MN: "Нийт", RU: "Итого"},
	"no reporting currency set": {FR: "aucune devise de déclaration définie", MN: "тайлангийн валют тохируулаагүй", RU: "валюта отчётности не задана"},
	"no total in %s: some amounts have no rate":                {FR: "pas de total en %s : certains montants n’ont pas de taux", MN: "%s-аар нийт дүн алга: зарим дүнд ханш байхгүй", RU: "итога в %s нет: для некоторых сумм нет курса"},
	"not converted: no rate for %s on %s":                      {FR: "non converti : pas de taux pour %s au %s", MN: "хөрвүүлээгүй: %s-ийн %s-ны ханш байхгүй", RU: "не пересчитано: нет курса %s на %s"},
	"not converted: no rate covers some of these amounts":      {FR: "non converti : aucun taux ne couvre certains de ces montants", MN: "хөрвүүлээгүй: эдгээр дүнгийн заримд ханш байхгүй", RU: "не пересчитано: для части этих сумм нет курса"},
	"several rates applied; see Activities":                    {FR: "plusieurs taux appliqués ; voir Activités", MN: "хэд хэдэн ханш хэрэглэсэн; Үйл ажиллагаа хуудсыг үзнэ үү", RU: "применялось несколько курсов; см. лист «Мероприятия»"},
	"total of all amounts converted":                           {FR: "total de tous les montants convertis", MN: "хөрвүүлсэн бүх дүнгийн нийлбэр", RU: "итог всех пересчитанных сумм"},
	"no total in %s: no rate covers some of the amounts in %s": {FR: "pas de total en %s : aucun taux ne couvre certains des montants en %s", MN: "%s-аар нийт дүн алга: %s дахь зарим дүнд ханш байхгүй", RU: "итога в %s нет: для части сумм в %s нет курса"},
	"via %s: ":       {FR: "via %s : ", MN: "%s-аар дамжуулан: ", RU: "через %s: "},
	"%s, %s":         {FR: "%s ; %s", MN: "%s, %s", RU: "%s; %s"}, // two rates of a conversion
	"row added":      {FR: "ligne ajoutée", MN: "мөр нэмэгдсэн", RU: "строка добавлена"},
	"row removed":    {FR: "ligne supprimée", MN: "мөр хасагдсан", RU: "строка удалена"},
	"row changed":    {FR: "ligne modifiée", MN: "мөр өөрчлөгдсөн", RU: "строка изменена"},
	"figure changed": {FR: "chiffre modifié", MN: "үзүүлэлт өөрчлөгдсөн", RU: "показатель изменён"},
	"yes":            {FR: "oui", MN: "тийм", RU: "да"},
	"no":             {FR: "non", MN: "үгүй", RU: "нет"},

	// Status of an agreement during the period.
	"in force":                  {FR: "en vigueur", MN: "хүчин төгөлдөр", RU: "действует"},
	"signed, not yet in force":  {FR: "signé, pas encore en vigueur", MN: "байгуулсан, хүчин төгөлдөр болоогүй", RU: "подписано, не вступило в силу"},
	"not yet in force":          {FR: "pas encore en vigueur", MN: "хүчин төгөлдөр болоогүй", RU: "не вступило в силу"},
	"expired":                   {FR: "expiré", MN: "хугацаа дууссан", RU: "истекло"},
	"expired during the period": {FR: "expiré pendant la période", MN: "тайлант хугацаанд дууссан", RU: "истекло в отчётном периоде"},
	"terminated":                {FR: "dénoncé", MN: "цуцалсан", RU: "прекращено"},
	"suspended":                 {FR: "suspendu", MN: "түдгэлзүүлсэн", RU: "приостановлено"},

	// Codes of the registers, as the report names them (package markdown):
	// sector, instrument, status as the register gives it, type of
	// activity.
	"governmental":     {FR: "gouvernemental", MN: "төрийн", RU: "государственный"},
	"non-governmental": {FR: "non gouvernemental", MN: "төрийн бус", RU: "негосударственный"},
	"agreement":        {FR: "accord", MN: "гэрээ", RU: "соглашение"},
	"plan":             {FR: "plan de coopération", MN: "хамтын ажиллагааны төлөвлөгөө", RU: "план сотрудничества"},
	"mou":              {FR: "mémorandum d’accord", MN: "харилцан ойлголцлын санамж бичиг", RU: "меморандум о взаимопонимании"},
	"treaty":           {FR: "traité", MN: "олон улсын гэрээ", RU: "договор"},
	"protocol":         {FR: "protocole", MN: "протокол", RU: "протокол"},
	"other":            {FR: "autre", MN: "бусад", RU: "другое"},
	"signed":           {FR: "signé", MN: "байгуулсан", RU: "подписано"},
	"training":         {FR: "formation", MN: "сургалт", RU: "обучение"},
	"festival":         {FR: "festival", MN: "наадам", RU: "фестиваль"},
	"exhibition":       {FR: "exposition", MN: "үзэсгэлэн", RU: "выставка"},
	"exchange":         {FR: "échange", MN: "солилцоо", RU: "обмен"},
	"meeting":          {FR: "réunion", MN: "хурал", RU: "заседание"},
	"study":            {FR: "études", MN: "суралцах", RU: "учёба"},

	// Kinds of tables.
	"agreements": {FR: "accords", MN: "гэрээ", RU: "соглашения"},
	"activities": {FR: "activités", MN: "үйл ажиллагаа", RU: "мероприятия"},
	"measures":   {FR: "mesures", MN: "арга хэмжээ", RU: "меры"},
	"rates":      {FR: "taux de change", MN: "ханш", RU: "курсы валют"},
	"aliases":    {FR: "alias", MN: "өөр нэрс", RU: "синонимы"},
	"skipped":    {FR: "ignorée", MN: "алгассан", RU: "пропущена"},
	"sheet %s, ": {FR: "feuille %s, ", MN: "%s хуудас, ", RU: "лист %s, "},

	// Sections and notes.
	"Totals by bucket, all countries":                          {FR: "Totaux par intervalle, tous pays confondus", MN: "Үе тус бүрийн нийт дүн, бүх улс", RU: "Итоги по интервалам, все страны"},
	"Totals by year, all countries":                            {FR: "Totaux par année, tous pays confondus", MN: "Жил тус бүрийн нийт дүн, бүх улс", RU: "Итоги по годам, все страны"},
	"Totals by quarter, all countries":                         {FR: "Totaux par trimestre, tous pays confondus", MN: "Улирал тус бүрийн нийт дүн, бүх улс", RU: "Итоги по кварталам, все страны"},
	"Totals by month, all countries":                           {FR: "Totaux par mois, tous pays confondus", MN: "Сар тус бүрийн нийт дүн, бүх улс", RU: "Итоги по месяцам, все страны"},
	"Whole period, %s, by country":                             {FR: "Ensemble de la période, %s, par pays", MN: "Бүх хугацаа, %s, улсаар", RU: "Весь период, %s, по странам"},
	"Whole period, %s, totals per currency":                    {FR: "Ensemble de la période, %s, totaux par devise", MN: "Бүх хугацаа, %s, валют тус бүрийн нийт дүн", RU: "Весь период, %s, итоги по валютам"},
	"Whole period, %s, by country and currency":                {FR: "Ensemble de la période, %s, par pays et par devise", MN: "Бүх хугацаа, %s, улс ба валютаар", RU: "Весь период, %s, по странам и валютам"},
	"Activities per country, %s":                               {FR: "Activités par pays, %s", MN: "Улс тус бүрийн үйл ажиллагаа, %s", RU: "Мероприятия по странам, %s"},
	"Chart: %s, the most first (countries with none left out)": {FR: "Graphique : %s, par ordre décroissant (sans les pays qui n’en ont aucune)", MN: "График: %s, ихээс бага руу (үйл ажиллагаагүй улсыг оруулаагүй)", RU: "Диаграмма: %s, по убыванию (страны без мероприятий не показаны)"},
	"Note: ": {FR: "Note : ", MN: "Тэмдэглэл: ", RU: "Примечание: "},
	inForceNote: {
		FR: "Les accords en vigueur s’additionnent entre pays (un accord a un seul partenaire), mais jamais entre intervalles : un accord compte dans chaque intervalle où il a été en vigueur au moins un jour, de sorte qu’une somme sur les intervalles le compterait plusieurs fois. Dans les lignes de l’ensemble de la période, chaque accord n’est compté qu’une fois.",
		MN: "Хүчин төгөлдөр гэрээг улсуудаар нэмж болно (гэрээ нэг түншт), харин үеүдээр хэзээ ч нэмэхгүй: гэрээ хамгийн багадаа нэг өдөр хүчин төгөлдөр байсан үе бүрд тоологддог тул үеүдээр нэмбэл нэг гэрээг хэд дахин тоолно. Бүх хугацааны мөрөнд гэрээ бүрийг нэг л удаа тоолно.",
		RU: "Действующие соглашения суммируются по странам (у соглашения один партнёр), но никогда по интервалам: соглашение учитывается в каждом интервале, в котором оно действовало хотя бы один день, и сумма по интервалам учла бы его несколько раз. В строках за весь период каждое соглашение учитывается один раз.",
	},
	"Totals are formulas (SUM, SUMIF) over the rows above; they also carry their value for programs that do not recalculate.": {
		FR: "Les totaux sont des formules (SOMME, SOMME.SI) sur les lignes ci-dessus ; ils portent aussi leur valeur pour les programmes qui ne recalculent pas.",
		MN: "Нийт дүн нь дээрх мөрүүдийн томьёо (SUM, SUMIF) бөгөөд дахин тооцоолдоггүй программд зориулж утгаа мөн агуулна.",
		RU: "Итоги — это формулы (СУММ, СУММЕСЛИ) по строкам выше; они содержат и своё значение для программ, которые не пересчитывают формулы.",
	},
	"Amounts are exact sums of the amounts given, per currency. Each amount by bucket is a SUMIFS over the Activities sheet (the activities of its country and currency dated in the bucket): correct an amount there and the figures here follow. Totals add up the rows above one currency at a time (SUMIF on the Currency column).": {
		FR: "Les montants sont les sommes exactes des montants indiqués, par devise. Chaque montant par intervalle est une formule SOMME.SI.ENS sur la feuille Activités (les activités de son pays et de sa devise datées dans l’intervalle) : corrigez-y un montant et les chiffres d’ici suivent. Les totaux additionnent les lignes ci-dessus une devise à la fois (SOMME.SI sur la colonne Devise).",
		MN: "Дүн нь өгөгдсөн дүнгүүдийн валют тус бүрийн яг нийлбэр. Үе тус бүрийн дүн нь Үйл ажиллагаа хуудсын SUMIFS томьёо (тухайн улс, валютын, тухайн үед хамаарах үйл ажиллагаа): тэнд дүнг засвал энд байгаа тоо дагаж өөрчлөгдөнө. Нийт дүн нь дээрх мөрүүдийг нэг удаад нэг валютаар нэмнэ (Валют баганаар SUMIF).",
		RU: "Суммы — точные суммы указанных сумм по каждой валюте. Каждая сумма по интервалу — формула СУММЕСЛИМН по листу «Мероприятия» (мероприятия её страны и валюты с датой в интервале): исправьте сумму там, и показатели здесь изменятся. Итоги складывают строки выше по одной валюте (СУММЕСЛИ по столбцу «Валюта»).",
	},
	"A converted amount is each activity's amount times the rate covering its date, rounded to the reporting currency's minor unit, then summed. Amounts without a rate are not converted and are marked; nothing is estimated.": {
		FR: "Un montant converti est le montant de chaque activité multiplié par le taux applicable à sa date, arrondi à l’unité divisionnaire de la devise de déclaration, puis additionné. Les montants sans taux ne sont pas convertis et sont signalés ; rien n’est estimé.",
		MN: "Хөрвүүлсэн дүн нь үйл ажиллагаа бүрийн дүнг огноонд нь хамаарах ханшаар үржүүлж, тайлангийн валютын бутархай нэгж хүртэл тоймлоод нэмсэн дүн. Ханшгүй дүнг хөрвүүлээгүй бөгөөд тэмдэглэсэн; юуг ч таамаглаагүй.",
		RU: "Пересчитанная сумма — сумма каждого мероприятия, умноженная на курс на его дату и округлённая до разменной единицы валюты отчётности, затем просуммированная. Суммы без курса не пересчитываются и отмечены; ничего не оценивается приблизительно.",
	},
	"The sheet %q holds rows %s to %s of the %s rows of %q: a worksheet holds at most %s rows.": {
		FR: "La feuille %q contient les lignes %s à %s des %s lignes de %q : une feuille de calcul contient au plus %s lignes.",
		MN: "%q хуудас нь %s-ээс %s хүртэлх мөрийг агуулна (нийт %s мөр, %q): нэг ажлын хуудас хамгийн ихдээ %s мөр агуулна.",
		RU: "Лист %q содержит строки с %s по %s из %s строк листа %q: лист вмещает не более %s строк.",
	},
	"The workbook's %s sheet leaves out %s of the %s extra columns%s, because a worksheet holds at most %s columns: %s. They were read like the other extra columns; to see them in the workbook, remove columns the register does not need from the input.": {
		FR: "La feuille %s du classeur omet %s des %s colonnes supplémentaires%s, car une feuille de calcul contient au plus %s colonnes : %s. Elles ont été lues comme les autres colonnes supplémentaires ; pour les voir dans le classeur, supprimez de l’entrée les colonnes dont le registre n’a pas besoin.",
		MN: "Ажлын номын %s хуудас нэмэлт %[3]s баганаас %[2]s-ийг%[4]s оруулаагүй, учир нь нэг ажлын хуудас хамгийн ихдээ %[5]s багана агуулна: %[6]s. Тэдгээрийг бусад нэмэлт баганын адил уншсан; ажлын номонд харахын тулд бүртгэлд шаардлагагүй баганыг оролтоос хасна уу.",
		RU: "Лист %s книги не содержит %s из %s дополнительных столбцов%s, так как лист вмещает не более %s столбцов: %s. Они прочитаны, как и другие дополнительные столбцы; чтобы увидеть их в книге, удалите из входных данных столбцы, не нужные реестру.",
	},
	" and %s more":         {FR: " et %s autres", MN: " болон өөр %s", RU: " и ещё %s"},
	" of %s":               {FR: " de %s", MN: " (%s)", RU: " из %s"},
	"Page &P of &N":        {FR: "Page &P sur &N", MN: "&P-р хуудас, нийт &N", RU: "Страница &P из &N"},
	"Finance workbook, %s": {FR: "Classeur financier, %s", MN: "Санхүүгийн ажлын ном, %s", RU: "Финансовая книга, %s"},

	// Changes.
	"This is the first report of the period: there was nothing to compare with.": {
		FR: "C’est le premier rapport de la période : il n’y avait rien à comparer.",
		MN: "Энэ нь тухайн хугацааны анхны тайлан тул харьцуулах зүйл байгаагүй.",
		RU: "Это первый доклад за период: сравнивать было не с чем.",
	},
	"Since the report of %s: %s rows of the registers and %s figures changed (the Changes sheet lists them).": {
		FR: "Depuis le rapport du %s : %s lignes des registres et %s chiffres ont changé (la feuille Modifications les énumère).",
		MN: "%s-ны тайлангаас хойш бүртгэлийн %s мөр, %s үзүүлэлт өөрчлөгдсөн (Өөрчлөлт хуудсанд жагсаасан).",
		RU: "После доклада от %s изменились строки реестров: %s и показатели: %s (они перечислены на листе «Изменения»).",
	},
	"Nothing changed since the report of %s.": {
		FR: "Rien n’a changé depuis le rapport du %s.",
		MN: "%s-ны тайлангаас хойш юу ч өөрчлөгдөөгүй.",
		RU: "После доклада от %s ничего не изменилось.",
	},
	" Figures of buckets that had ended when that report was made changed: this report restates them.": {
		FR: " Des chiffres d’intervalles déjà clos lors de ce rapport ont changé : le présent rapport les rectifie.",
		MN: " Тэр тайланг гаргах үед дууссан байсан үеийн үзүүлэлтүүд өөрчлөгдсөн: энэ тайлан тэдгээрийг шинэчлэн гаргаж байна.",
		RU: " Изменились показатели интервалов, закончившихся к моменту того доклада: настоящий доклад их уточняет.",
	},

	// About.
	"coopreport finance workbook": {FR: "Classeur financier coopreport", MN: "coopreport санхүүгийн ажлын ном", RU: "Финансовая книга coopreport"},
	"What this file is":           {FR: "Ce qu’est ce fichier", MN: "Энэ файл юу вэ", RU: "Что это за файл"},
	"The finance workbook of the periodic report on international cultural cooperation: agreements and activities by period and partner country, money by currency, the agreement register, the activity ledger and the input rows that could not be used.": {
		FR: "Le classeur financier du rapport périodique sur la coopération culturelle internationale : accords et activités par période et par pays partenaire, montants par devise, registre des accords, registre des activités et lignes d’entrée qui n’ont pu être utilisées.",
		MN: "Олон улсын соёлын хамтын ажиллагааны үечилсэн тайлангийн санхүүгийн ажлын ном: хугацаа ба түнш улсаар гэрээ, үйл ажиллагаа, валютаар мөнгөн дүн, гэрээний бүртгэл, үйл ажиллагааны бүртгэл болон ашиглах боломжгүй оролтын мөрүүд.",
		RU: "Финансовая книга периодического доклада о международном культурном сотрудничестве: соглашения и мероприятия по периодам и странам-партнёрам, суммы по валютам, реестр соглашений, реестр мероприятий и строки входных данных, которые не удалось использовать.",
	},
	"Reporting party":                     {FR: "Partie déclarante", MN: "Тайлагнагч тал", RU: "Представляющая сторона"},
	"Report title":                        {FR: "Titre du rapport", MN: "Тайлангийн нэр", RU: "Название доклада"},
	"From":                                {FR: "Du", MN: "Эхлэх", RU: "С"},
	"To":                                  {FR: "Au", MN: "Дуусах", RU: "По"},
	"Buckets":                             {FR: "Intervalles", MN: "Үеүд", RU: "Интервалы"},
	"%s by year: %s":                      {FR: "%s par année : %s", MN: "%s, жилээр: %s", RU: "%s по годам: %s"},
	"%s by quarter: %s":                   {FR: "%s par trimestre : %s", MN: "%s, улирлаар: %s", RU: "%s по кварталам: %s"},
	"%s by month: %s":                     {FR: "%s par mois : %s", MN: "%s, сараар: %s", RU: "%s по месяцам: %s"},
	"none set: amounts are not converted": {FR: "aucune : les montants ne sont pas convertis", MN: "тохируулаагүй: дүнг хөрвүүлээгүй", RU: "не задана: суммы не пересчитываются"},
	"Partner countries":                   {FR: "Pays partenaires", MN: "Түнш улс", RU: "Страны-партнёры"},
	"Made":                                {FR: "Établi le", MN: "Үүсгэсэн", RU: "Создан"},
	"%s, %s (UTC%s)":                      {FR: "%s à %s (UTC%s)", MN: "%s, %s (UTC%s)", RU: "%s, %s (UTC%s)"}, // date, time, offset
	"Made by":                             {FR: "Établi par", MN: "Үүсгэсэн программ", RU: "Создан программой"},
	"Sheets":                              {FR: "Feuilles", MN: "Хуудсууд", RU: "Листы"},
	"Sheet continued":                     {FR: "Feuille continuée", MN: "Үргэлжилсэн хуудас", RU: "Продолжение листа"},
	"Columns left out":                    {FR: "Colonnes omises", MN: "Оруулаагүй багана", RU: "Пропущенные столбцы"},
	"Input file":                          {FR: "Fichier d’entrée", MN: "Оролтын файл", RU: "Входной файл"},
	"Rows read":                           {FR: "Lignes lues", MN: "Уншсан мөр", RU: "Прочитано строк"},
	"Rows accepted":                       {FR: "Lignes acceptées", MN: "Хүлээн авсан мөр", RU: "Принято строк"},
	"Rows rejected":                       {FR: "Lignes rejetées", MN: "Татгалзсан мөр", RU: "Отклонено строк"},
	"Warnings":                            {FR: "Avertissements", MN: "Анхааруулга", RU: "Предупреждения"},
	"Number":                              {FR: "Chiffre", MN: "Тоо", RU: "Показатель"},
	"Definition":                          {FR: "Définition", MN: "Тодорхойлолт", RU: "Определение"},
}

// w is the text en in the workbook's language.
func (b *book) w(en string) string { return words.In(b.r.Lang, en) }

// wf is the format en in the workbook's language, filled in.
func (b *book) wf(en string, args ...any) string { return words.F(b.r.Lang, en, args...) }

// ws are the texts en in the workbook's language.
func (b *book) ws(en []string) []string {
	out := make([]string, len(en))
	for i, s := range en {
		out[i] = b.w(s)
	}
	return out
}

// num is n as a sentence writes it: as Go prints it in English (as the
// workbook always has), grouped in the language's way in the others.
func num(l lang.Lang, n int) string {
	if l == lang.English || l == "" {
		return strconv.Itoa(n)
	}
	return l.Int(int64(n))
}

// country is the name of c in the workbook's language: the same names as
// the report's, or its abbreviation where the configuration asks for them.
// English keeps the name the report resolved.
func (b *book) country(c pipeline.Country) string { return b.r.CountryName(c) }

// sheetIn is the name of the sheet en (sheetSummary, …) in l.
func sheetIn(l lang.Lang, en string) string { return words.In(l, en) }

// day is a date in a sentence: ISO in English, as the workbook always
// wrote it, written out in the other languages.
func (b *book) day(d pipeline.Date) string {
	if b.r.Lang == lang.English || b.r.Lang == "" {
		return d.String()
	}
	return d.In(b.r.Lang)
}

// path is how an amount of cur dated d was converted when not by one
// direct rate ("1 USD = 1970.31 MNT", "via MNT: …"), in the workbook's
// language: the rates as the register gives them, not grouped, with the
// language's decimal mark, as the report writes rates; "" when by one
// direct rate.
func (b *book) path(cur string, d pipeline.Date) string {
	l := b.r.Lang
	if l == lang.English || l == "" {
		return b.r.Rates.Path(cur, d)
	}
	via, steps := b.r.Rates.Steps(cur, d)
	say := make([]string, len(steps))
	for i, r := range steps {
		rate := strings.Replace(r.Rate.String(), ".", l.Decimal(), 1)
		say[i] = "1 " + r.Currency + " = " + rate + " " + r.Base
	}
	if len(steps) > 1 {
		// "278,10 MNT, 1 USD" would read as a number in fr and ru.
		return b.wf("via %s: ", via) + b.wf("%s, %s", say[0], say[1])
	}
	return strings.Join(say, "")
}

// byKind is the text en about buckets ("Totals by bucket") in the
// workbook's language, worded by the kind of bucket the period is cut
// into, as the report does ("Итоги по годам", not "по интервалам");
// English keeps en as it always was.
func (b *book) byKind(en string) string {
	l, by := b.r.Lang, string(b.r.Period.By)
	if l == lang.English || l == "" || by == "" {
		return b.w(en)
	}
	if k := strings.Replace(en, "by bucket", "by "+by, 1); k != en {
		if _, ok := words[k]; ok {
			return b.w(k)
		}
	}
	return b.w(en)
}

// definedTerm is the About sheet's name of a number ("Summary: Agreements
// signed"): the sheet's name and the column's, each in the workbook's
// language.
func (b *book) definedTerm(en string) string {
	if b.r.Lang == lang.English || b.r.Lang == "" {
		return en
	}
	sheet, what, ok := strings.Cut(en, ": ")
	if !ok {
		return b.w(en)
	}
	return b.w(sheet) + ": " + b.byKind(what)
}

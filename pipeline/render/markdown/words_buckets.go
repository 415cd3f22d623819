package markdown

import "coopreport/pipeline/lang"

// bucketWords are the texts the tables write about the months, quarters
// or years the period is cut into (and "bucket", when it is none of
// them): each language words them by the kind of bucket, so each kind has
// its own sentences. Made from a script's table; edit them here.
var bucketWords = lang.Table{
	"Cooperation by month": {
		FR: "Coopération par mois",
		MN: "Хамтын ажиллагаа сараар",
		RU: "Сотрудничество по месяцам",
	},
	"Cooperation by month and partner": {
		FR: "Coopération par mois et par partenaire",
		MN: "Хамтын ажиллагаа сараар, түншээр",
		RU: "Сотрудничество по месяцам и партнёрам",
	},
	"Month": {
		FR: "Mois",
		MN: "Сар",
		RU: "Месяц",
	},
	"No agreement was signed and no activity took place in any month of the period.": {
		FR: "Aucun accord n’a été signé et aucune activité n’a eu lieu au cours de la période.",
		MN: "Тайлант хугацааны аль ч сард гэрээ байгуулаагүй, үйл ажиллагаа зохион байгуулаагүй.",
		RU: "Ни в одном месяце отчётного периода не было подписано ни одного соглашения и не проведено ни одного мероприятия.",
	},
	"The %s rows by month and partner are in summary.csv and in the %s sheet of the workbook.": {
		FR: "Les %s lignes par mois et par partenaire figurent dans summary.csv et dans la feuille « %s » du classeur.",
		MN: "Сараар болон түншээр гаргасан %s мөр summary.csv файлд болон ажлын номын «%s» хуудсанд бий.",
		RU: "Строки по месяцам и партнёрам (%s) приведены в summary.csv и на листе «%s» рабочей книги.",
	},
	// A list of quiet buckets, of any kind ("2014-08, 2014-10 and
	// 2014-12"): the other languages name them after a colon, so that no
	// case or preposition has to agree with them.
	"In %s no agreement was signed and no activity took place.": {
		FR: "Périodes sans accord signé ni activité\u00a0: %s.",
		MN: "Гэрээ байгуулаагүй, үйл ажиллагаа явуулаагүй хугацаа: %s.",
		RU: "Периоды, в которые не было подписано ни одного соглашения и не проведено ни одного мероприятия: %s.",
	},
	"In the %s other months of the period no agreement was signed and no activity took place.": {
		FR: "Au cours des %s autres mois de la période, aucun accord n’a été signé et aucune activité n’a eu lieu.",
		MN: "Тайлант хугацааны бусад %s сард гэрээ байгуулаагүй, үйл ажиллагаа зохион байгуулаагүй.",
		RU: "В остальных месяцах отчётного периода (%s) не было подписано ни одного соглашения и не проведено ни одного мероприятия.",
	},
	"%s %s by month and partner had agreements in force and nothing else: no agreement signed, no activity. Every row is in summary.csv and in the %s sheet of the workbook.": {
		FR: "Non reprises ici : %s %s par mois et par partenaire, avec des accords en vigueur et rien d’autre (aucun accord signé, aucune activité). Toutes les lignes figurent dans summary.csv et dans la feuille « %s » du classeur.",
		MN: "Зөвхөн хүчин төгөлдөр гэрээтэй (шинээр байгуулсан гэрээ, үйл ажиллагаагүй) %s %s энд ороогүй; сараар болон түншээр гаргасан бүх мөр summary.csv файлд болон ажлын номын «%s» хуудсанд бий.",
		RU: "Не приведены: %s %s по месяцам и партнёрам, где действовали соглашения, но не было ни подписанных соглашений, ни мероприятий. Все строки есть в summary.csv и на листе «%s» рабочей книги.",
	},
	"No month of the period is compared with the month before it: the records do not reach back far enough, or the months have not ended.": {
		FR: "Aucun mois de la période n’est comparé au mois précédent : les données ne remontent pas assez loin, ou les mois ne sont pas terminés.",
		MN: "Тайлант хугацааны нэг ч сар өмнөх сартай харьцуулагдаагүй: бүртгэл хангалттай эрт үеэс эхлээгүй, эсвэл сарууд дуусаагүй байна.",
		RU: "Ни один месяц отчётного периода не сопоставлен с предыдущим месяцем: данные не охватывают достаточно ранний период или месяцы ещё не завершились.",
	},
	"Months compared with the month before": {
		FR: "Mois comparés au mois précédent",
		MN: "Сар бүрийг өмнөх сартай харьцуулсан нь",
		RU: "Месяцы в сравнении с предыдущим месяцем",
	},
	"Cooperation by quarter": {
		FR: "Coopération par trimestre",
		MN: "Хамтын ажиллагаа улирлаар",
		RU: "Сотрудничество по кварталам",
	},
	"Cooperation by quarter and partner": {
		FR: "Coopération par trimestre et par partenaire",
		MN: "Хамтын ажиллагаа улирлаар, түншээр",
		RU: "Сотрудничество по кварталам и партнёрам",
	},
	"Quarter": {
		FR: "Trimestre",
		MN: "Улирал",
		RU: "Квартал",
	},
	"No agreement was signed and no activity took place in any quarter of the period.": {
		FR: "Aucun accord n’a été signé et aucune activité n’a eu lieu au cours de la période.",
		MN: "Тайлант хугацааны аль ч улиралд гэрээ байгуулаагүй, үйл ажиллагаа зохион байгуулаагүй.",
		RU: "Ни в одном квартале отчётного периода не было подписано ни одного соглашения и не проведено ни одного мероприятия.",
	},
	"The %s rows by quarter and partner are in summary.csv and in the %s sheet of the workbook.": {
		FR: "Les %s lignes par trimestre et par partenaire figurent dans summary.csv et dans la feuille « %s » du classeur.",
		MN: "Улирлаар болон түншээр гаргасан %s мөр summary.csv файлд болон ажлын номын «%s» хуудсанд бий.",
		RU: "Строки по кварталам и партнёрам (%s) приведены в summary.csv и на листе «%s» рабочей книги.",
	},
	"In the %s other quarters of the period no agreement was signed and no activity took place.": {
		FR: "Au cours des %s autres trimestres de la période, aucun accord n’a été signé et aucune activité n’a eu lieu.",
		MN: "Тайлант хугацааны бусад %s улиралд гэрээ байгуулаагүй, үйл ажиллагаа зохион байгуулаагүй.",
		RU: "В остальных кварталах отчётного периода (%s) не было подписано ни одного соглашения и не проведено ни одного мероприятия.",
	},
	"%s %s by quarter and partner had agreements in force and nothing else: no agreement signed, no activity. Every row is in summary.csv and in the %s sheet of the workbook.": {
		FR: "Non reprises ici : %s %s par trimestre et par partenaire, avec des accords en vigueur et rien d’autre (aucun accord signé, aucune activité). Toutes les lignes figurent dans summary.csv et dans la feuille « %s » du classeur.",
		MN: "Зөвхөн хүчин төгөлдөр гэрээтэй (шинээр байгуулсан гэрээ, үйл ажиллагаагүй) %s %s энд ороогүй; улирлаар болон түншээр гаргасан бүх мөр summary.csv файлд болон ажлын номын «%s» хуудсанд бий.",
		RU: "Не приведены: %s %s по кварталам и партнёрам, где действовали соглашения, но не было ни подписанных соглашений, ни мероприятий. Все строки есть в summary.csv и на листе «%s» рабочей книги.",
	},
	"No quarter of the period is compared with the quarter before it: the records do not reach back far enough, or the quarters have not ended.": {
		FR: "Aucun trimestre de la période n’est comparé au trimestre précédent : les données ne remontent pas assez loin, ou les trimestres ne sont pas terminés.",
		MN: "Тайлант хугацааны нэг ч улирал өмнөх улиралтай харьцуулагдаагүй: бүртгэл хангалттай эрт үеэс эхлээгүй, эсвэл улирлууд дуусаагүй байна.",
		RU: "Ни один квартал отчётного периода не сопоставлен с предыдущим кварталом: данные не охватывают достаточно ранний период или кварталы ещё не завершились.",
	},
	"Quarters compared with the quarter before": {
		FR: "Trimestres comparés au trimestre précédent",
		MN: "Улирал бүрийг өмнөх улиралтай харьцуулсан нь",
		RU: "Кварталы в сравнении с предыдущим кварталом",
	},
	"Cooperation by year": {
		FR: "Coopération par année",
		MN: "Хамтын ажиллагаа жилээр",
		RU: "Сотрудничество по годам",
	},
	"Cooperation by year and partner": {
		FR: "Coopération par année et par partenaire",
		MN: "Хамтын ажиллагаа жилээр, түншээр",
		RU: "Сотрудничество по годам и партнёрам",
	},
	"Year": {
		FR: "Année",
		MN: "Жил",
		RU: "Год",
	},
	"No agreement was signed and no activity took place in any year of the period.": {
		FR: "Aucun accord n’a été signé et aucune activité n’a eu lieu au cours de la période.",
		MN: "Тайлант хугацааны аль ч жилд гэрээ байгуулаагүй, үйл ажиллагаа зохион байгуулаагүй.",
		RU: "Ни в одном году отчётного периода не было подписано ни одного соглашения и не проведено ни одного мероприятия.",
	},
	"The %s rows by year and partner are in summary.csv and in the %s sheet of the workbook.": {
		FR: "Les %s lignes par année et par partenaire figurent dans summary.csv et dans la feuille « %s » du classeur.",
		MN: "Жилээр болон түншээр гаргасан %s мөр summary.csv файлд болон ажлын номын «%s» хуудсанд бий.",
		RU: "Строки по годам и партнёрам (%s) приведены в summary.csv и на листе «%s» рабочей книги.",
	},
	"In the %s other years of the period no agreement was signed and no activity took place.": {
		FR: "Au cours des %s autres années de la période, aucun accord n’a été signé et aucune activité n’a eu lieu.",
		MN: "Тайлант хугацааны бусад %s жилд гэрээ байгуулаагүй, үйл ажиллагаа зохион байгуулаагүй.",
		RU: "В остальных годах отчётного периода (%s) не было подписано ни одного соглашения и не проведено ни одного мероприятия.",
	},
	"%s %s by year and partner had agreements in force and nothing else: no agreement signed, no activity. Every row is in summary.csv and in the %s sheet of the workbook.": {
		FR: "Non reprises ici : %s %s par année et par partenaire, avec des accords en vigueur et rien d’autre (aucun accord signé, aucune activité). Toutes les lignes figurent dans summary.csv et dans la feuille « %s » du classeur.",
		MN: "Зөвхөн хүчин төгөлдөр гэрээтэй (шинээр байгуулсан гэрээ, үйл ажиллагаагүй) %s %s энд ороогүй; жилээр болон түншээр гаргасан бүх мөр summary.csv файлд болон ажлын номын «%s» хуудсанд бий.",
		RU: "Не приведены: %s %s по годам и партнёрам, где действовали соглашения, но не было ни подписанных соглашений, ни мероприятий. Все строки есть в summary.csv и на листе «%s» рабочей книги.",
	},
	"No year of the period is compared with the year before it: the records do not reach back far enough, or the years have not ended.": {
		FR: "Aucune année de la période n’est comparée à l’année précédente : les données ne remontent pas assez loin, ou les années ne sont pas terminées.",
		MN: "Тайлант хугацааны нэг ч жил өмнөх жилтэй харьцуулагдаагүй: бүртгэл хангалттай эрт үеэс эхлээгүй, эсвэл жилүүд дуусаагүй байна.",
		RU: "Ни один год отчётного периода не сопоставлен с предыдущим годом: данные не охватывают достаточно ранний период или годы ещё не завершились.",
	},
	"Years compared with the year before": {
		FR: "Années comparées à l’année précédente",
		MN: "Жил бүрийг өмнөх жилтэй харьцуулсан нь",
		RU: "Годы в сравнении с предыдущим годом",
	},
	"Cooperation by bucket": {
		FR: "Coopération par période",
		MN: "Хамтын ажиллагаа үеэр",
		RU: "Сотрудничество по периодам",
	},
	"Cooperation by bucket and partner": {
		FR: "Coopération par période et par partenaire",
		MN: "Хамтын ажиллагаа үеэр, түншээр",
		RU: "Сотрудничество по периодам и партнёрам",
	},
	"Bucket": {
		FR: "Période",
		MN: "Үе",
		RU: "Период",
	},
	"No agreement was signed and no activity took place in any bucket of the period.": {
		FR: "Aucun accord n’a été signé et aucune activité n’a eu lieu au cours de la période.",
		MN: "Тайлант хугацааны аль ч үед гэрээ байгуулаагүй, үйл ажиллагаа зохион байгуулаагүй.",
		RU: "Ни в одном периоде отчётного периода не было подписано ни одного соглашения и не проведено ни одного мероприятия.",
	},
	"The %s rows by bucket and partner are in summary.csv and in the %s sheet of the workbook.": {
		FR: "Les %s lignes par période et par partenaire figurent dans summary.csv et dans la feuille « %s » du classeur.",
		MN: "Үеэр болон түншээр гаргасан %s мөр summary.csv файлд болон ажлын номын «%s» хуудсанд бий.",
		RU: "Строки по периодам и партнёрам (%s) приведены в summary.csv и на листе «%s» рабочей книги.",
	},
	"In the %s other buckets of the period no agreement was signed and no activity took place.": {
		FR: "Au cours des %s autres périodes de la période, aucun accord n’a été signé et aucune activité n’a eu lieu.",
		MN: "Тайлант хугацааны бусад %s үед гэрээ байгуулаагүй, үйл ажиллагаа зохион байгуулаагүй.",
		RU: "В остальных периодах отчётного периода (%s) не было подписано ни одного соглашения и не проведено ни одного мероприятия.",
	},
	"%s %s by bucket and partner had agreements in force and nothing else: no agreement signed, no activity. Every row is in summary.csv and in the %s sheet of the workbook.": {
		FR: "Non reprises ici : %s %s par période et par partenaire, avec des accords en vigueur et rien d’autre (aucun accord signé, aucune activité). Toutes les lignes figurent dans summary.csv et dans la feuille « %s » du classeur.",
		MN: "Зөвхөн хүчин төгөлдөр гэрээтэй (шинээр байгуулсан гэрээ, үйл ажиллагаагүй) %s %s энд ороогүй; үеэр болон түншээр гаргасан бүх мөр summary.csv файлд болон ажлын номын «%s» хуудсанд бий.",
		RU: "Не приведены: %s %s по периодам и партнёрам, где действовали соглашения, но не было ни подписанных соглашений, ни мероприятий. Все строки есть в summary.csv и на листе «%s» рабочей книги.",
	},
	"No bucket of the period is compared with the bucket before it: the records do not reach back far enough, or the buckets have not ended.": {
		FR: "Aucune période de la période n’est comparée à la période précédente : les données ne remontent pas assez loin, ou les périodes ne sont pas terminées.",
		MN: "Тайлант хугацааны нэг ч үе өмнөх үетэй харьцуулагдаагүй: бүртгэл хангалттай эрт үеэс эхлээгүй, эсвэл үеүүд дуусаагүй байна.",
		RU: "Ни один период отчётного периода не сопоставлен с предыдущим периодом: данные не охватывают достаточно ранний период или периоды ещё не завершились.",
	},
	"Buckets compared with the bucket before": {
		FR: "Périodes comparées à la période précédente",
		MN: "Үе бүрийг өмнөх үетэй харьцуулсан нь",
		RU: "Периоды в сравнении с предыдущим периодом",
	},
}

func init() {
	for en, w := range bucketWords {
		words[en] = w
	}
}

package markdown

import (
	"coopreport/pipeline/lang"
)

// words are the texts this package writes into reports besides the
// templates: table captions and headers, names of instruments and
// sectors, and the sentences written from the records.
var words = lang.Table{
	// The natures of a measure (pipeline.Nature), as Form A lists them.
	"legislative":   {FR: "législative", MN: "хууль тогтоомжийн", RU: "законодательная"},
	"regulatory":    {FR: "réglementaire", MN: "зохицуулалтын", RU: "нормативная"},
	"financial":     {FR: "financière", MN: "санхүүгийн", RU: "финансовая"},
	"institutional": {FR: "institutionnelle", MN: "байгууллагын", RU: "институциональная"},
	"Periodic report on international cultural cooperation": {
		FR: "Rapport périodique sur la coopération culturelle internationale",
		MN: "Олон улсын соёлын хамтын ажиллагааны үечилсэн тайлан",
		RU: "Периодический доклад о международном культурном сотрудничестве",
	},
	"Summary": {
		FR: "Résumé",
		MN: "Хураангуй",
		RU: "Сводка",
	},
	"Agreements": {
		FR: "Accords",
		MN: "Гэрээ",
		RU: "Соглашения",
	},
	"Activities": {
		FR: "Activités",
		MN: "Үйл ажиллагаа",
		RU: "Мероприятия",
	},
	"Finance": {
		FR: "Finances",
		MN: "Санхүү",
		RU: "Финансы",
	},
	"Data issues": {
		FR: "Problèmes de données",
		MN: "Өгөгдлийн алдаа",
		RU: "Ошибки данных",
	},
	"Changes": {
		FR: "Modifications",
		MN: "Өөрчлөлт",
		RU: "Изменения",
	},
	"Measures": {
		FR: "Mesures",
		MN: "Арга хэмжээ",
		RU: "Меры",
	},
	"About": {
		FR: "À propos",
		MN: "Тухай",
		RU: "О документе",
	},
	"Partner": {
		FR: "Partenaire",
		MN: "Түнш",
		RU: "Партнёр",
	},
	"Agreements signed": {
		FR: "Accords signés",
		MN: "Байгуулсан гэрээ",
		RU: "Подписано соглашений",
	},
	"Agreements in force": {
		FR: "Accords en vigueur",
		MN: "Хүчин төгөлдөр гэрээ",
		RU: "Действующие соглашения",
	},
	"Participants": {
		FR: "Participants",
		MN: "Оролцогч",
		RU: "Участники",
	},
	"All partners": {
		FR: "Tous les partenaires",
		MN: "Бүх түнш",
		RU: "Все партнёры",
	},
	"All files": {
		FR: "Tous les fichiers",
		MN: "Бүх файл",
		RU: "Все файлы",
	},
	"ID": {
		FR: "Identifiant",
		MN: "Дугаар",
		RU: "Код",
	},
	"Instrument": {
		FR: "Instrument",
		MN: "Баримт бичгийн төрөл",
		RU: "Вид документа",
	},
	"Title": {
		FR: "Titre",
		MN: "Нэр",
		RU: "Название",
	},
	"Signed": {
		FR: "Signé le",
		MN: "Гарын үсэг зурсан",
		RU: "Подписано",
	},
	"In force": {
		FR: "En vigueur",
		MN: "Хүчинтэй хугацаа",
		RU: "Срок действия",
	},
	"Date": {
		FR: "Date",
		MN: "Огноо",
		RU: "Дата",
	},
	"Type": {
		FR: "Type",
		MN: "Төрөл",
		RU: "Вид",
	},
	"Activity": {
		FR: "Activité",
		MN: "Үйл ажиллагаа",
		RU: "Мероприятие",
	},
	"Amount": {
		FR: "Montant",
		MN: "Дүн",
		RU: "Сумма",
	},
	"In %s": {
		FR: "En %s",
		MN: "Дүн, %s",
		RU: "В %s",
	},
	"Ended": {
		FR: "Fin",
		MN: "Дууссан",
		RU: "Окончание",
	},
	"How": {
		FR: "Motif",
		MN: "Хэрхэн",
		RU: "Основание",
	},
	"Valid to": {
		FR: "Valable jusqu’au",
		MN: "Хүчинтэй хугацаа дуусах",
		RU: "Действует до",
	},
	"Days left": {
		FR: "Jours restants",
		MN: "Үлдсэн хоног",
		RU: "Осталось дней",
	},
	"Problems found in the input": {
		FR: "Problèmes relevés dans les données d’entrée",
		MN: "Оролтын өгөгдөлд илэрсэн алдаа",
		RU: "Ошибки, найденные во входных данных",
	},
	"File": {
		FR: "Fichier",
		MN: "Файл",
		RU: "Файл",
	},
	"Row": {
		FR: "Ligne",
		MN: "Мөр",
		RU: "Строка",
	},
	"Column": {
		FR: "Colonne",
		MN: "Багана",
		RU: "Столбец",
	},
	"Value": {
		FR: "Valeur",
		MN: "Утга",
		RU: "Значение",
	},
	"Problem": {
		FR: "Problème",
		MN: "Алдаа",
		RU: "Ошибка",
	},
	", sheet %s": {
		FR: ", feuille %s",
		MN: ", «%s» хуудас",
		RU: ", лист «%s»",
	},
	"Figure": {
		FR: "Indicateur",
		MN: "Үзүүлэлт",
		RU: "Показатель",
	},
	"Number": {
		FR: "Nombre",
		MN: "Тоо",
		RU: "Число",
	},
	"Partner countries": {
		FR: "Pays partenaires",
		MN: "Түнш орон",
		RU: "Страны-партнёры",
	},
	"Agreements signed in the period": {
		FR: "Accords signés pendant la période",
		MN: "Тайлант хугацаанд байгуулсан гэрээ",
		RU: "Соглашения, подписанные за период",
	},
	"Currency": {
		FR: "Devise",
		MN: "Валют",
		RU: "Валюта",
	},
	"Rate": {
		FR: "Taux",
		MN: "Ханш",
		RU: "Курс",
	},
	"several": {
		FR: "plusieurs",
		MN: "хэд хэдэн",
		RU: "несколько",
	},
	"not converted": {
		FR: "non converti",
		MN: "хөрвүүлээгүй",
		RU: "не пересчитано",
	},
	"Rows read, accepted and rejected": {
		FR: "Lignes lues, acceptées et rejetées",
		MN: "Уншсан, хүлээн авсан, татгалзсан мөр",
		RU: "Прочитанные, принятые и отклонённые строки",
	},
	"Sheet": {
		FR: "Feuille",
		MN: "Хуудас",
		RU: "Лист",
	},
	"Rows read": {
		FR: "Lignes lues",
		MN: "Уншсан мөр",
		RU: "Прочитано строк",
	},
	"Accepted": {
		FR: "Acceptées",
		MN: "Хүлээн авсан",
		RU: "Принято",
	},
	"Rejected": {
		FR: "Rejetées",
		MN: "Татгалзсан",
		RU: "Отклонено",
	},
	"Before": {
		FR: "Précédent",
		MN: "Өмнөх",
		RU: "Предыдущий",
	},
	"Money (%s)": {
		FR: "Montant (%s)",
		MN: "Мөнгөн дүн (%s)",
		RU: "Сумма (%s)",
	},
	"Partners gained": {
		FR: "Nouveaux partenaires",
		MN: "Нэмэгдсэн түнш",
		RU: "Новые партнёры",
	},
	"Partners lost": {
		FR: "Partenaires perdus",
		MN: "Хасагдсан түнш",
		RU: "Выбывшие партнёры",
	},
	"none": {
		FR: "aucun",
		MN: "байхгүй",
		RU: "нет",
	},
	"Cooperation by partner, %s": {
		FR: "Coopération par partenaire, %s",
		MN: "Түншээрх хамтын ажиллагаа, %s",
		RU: "Сотрудничество по партнёрам, %s",
	},
	"Agreements in force, %s": {
		FR: "Accords en vigueur, %s",
		MN: "Хүчин төгөлдөр гэрээ, %s",
		RU: "Действующие соглашения, %s",
	},
	"Activities, %s": {
		FR: "Activités, %s",
		MN: "Үйл ажиллагаа, %s",
		RU: "Мероприятия, %s",
	},
	"Agreements that ended in %s": {
		FR: "Accords ayant pris fin en %s",
		MN: "%s хугацаанд дуусгавар болсон гэрээ",
		RU: "Соглашения, прекратившие действие: %s",
	},
	"Agreements expiring by %s": {
		FR: "Accords expirant d’ici au %s",
		MN: "%s хүртэл хугацаа нь дуусах гэрээ",
		RU: "Соглашения, срок действия которых истекает до %s",
	},
	"%s in numbers": {
		FR: "%s en chiffres",
		MN: "%s тоогоор",
		RU: "%s в цифрах",
	},
	"Money spent on activities, %s": {
		FR: "Dépenses consacrées aux activités, %s",
		MN: "Үйл ажиллагаанд зарцуулсан хөрөнгө, %s",
		RU: "Расходы на мероприятия, %s",
	},
	"No partner had an agreement in force or an activity in the period.": {
		FR: "Aucun partenaire n’avait d’accord en vigueur ni d’activité pendant la période.",
		MN: "Тайлант хугацаанд аль ч түнштэй хүчин төгөлдөр гэрээ, үйл ажиллагаа байгаагүй.",
		RU: "Ни у одного партнёра в отчётный период не было ни действующих соглашений, ни мероприятий.",
	},
	"%s %s no agreement in force and no activity in the period.": {
		FR: "%s %s d’accord en vigueur ni d’activité pendant la période.",
		MN: "Бүртгэлд буй өөр %s %s тайлант хугацаанд хүчин төгөлдөр гэрээ, үйл ажиллагаагүй байв.",
		RU: "Ещё у %s %s в отчётный период не было ни действующих соглашений, ни мероприятий.",
	},
	"more partner of the registers had|more partners of the registers had": {
		FR: "autre partenaire des registres n’avait pas|autres partenaires des registres n’avaient pas",
		MN: "түнш|түнш",
		RU: "партнёра из реестров|партнёров из реестров|партнёров из реестров",
	},
	"more row|more rows": {
		FR: "ligne|lignes",
		MN: "мөр|мөр",
		RU: "строка|строки|строк",
	},
	"No money was recorded for the activities of the period.": {
		FR: "Aucune dépense n’a été enregistrée pour les activités de la période.",
		MN: "Тайлант хугацааны үйл ажиллагаанд мөнгөн дүн бүртгэгдээгүй.",
		RU: "Расходы на мероприятия отчётного периода не зарегистрированы.",
	},
	"The input has %s problems; the first %s are listed here, and all of them in rejects.csv and in the %s sheet of the workbook.": {
		FR: "Les données d’entrée présentent des problèmes ( %s ) ; les %s premiers sont énumérés ici, et tous figurent dans rejects.csv et dans la feuille « %s » du classeur.",
		MN: "Оролтын өгөгдөлд илэрсэн алдааны тоо: %s; эхний %s-ыг энд жагсаав, бүгд rejects.csv файлд болон ажлын номын «%s» хуудсанд бий.",
		RU: "Число ошибок во входных данных: %s; первые %s приведены здесь, все — в rejects.csv и на листе «%s» рабочей книги.",
	},
	"%s %s by %s; the first %s are listed here, and all of them in the %s sheet of the workbook.": {
		FR: "%s %s d’ici au %s ; les %s premiers sont énumérés ici, et tous figurent dans la feuille « %s » du classeur.",
		MN: "%s %s (%s хүртэл); эхний %s-ыг энд жагсаав, бүгд ажлын номын «%s» хуудсанд бий.",
		RU: "%s %s до %s; первые %s приведены здесь, все — на листе «%s» рабочей книги.",
	},
	"agreement expires|agreements expire": {
		FR: "accord expire|accords expirent",
		MN: "гэрээний хугацаа дуусна|гэрээний хугацаа дуусна",
		RU: "соглашение истекает|соглашения истекают|соглашений истекают",
	},
	"%s %s; the first %s are listed here, and all of them in the %s sheet of the workbook.": {
		FR: "%s %s ; les %s premiers sont énumérés ici, et tous figurent dans la feuille « %s » du classeur.",
		MN: "%s %s; эхний %s-ыг энд жагсаав, бүгд ажлын номын «%s» хуудсанд бий.",
		RU: "%s %s; первые %s приведены здесь, все — на листе «%s» рабочей книги.",
	},
	"agreement ended during the period|agreements ended during the period": {
		FR: "accord a pris fin pendant la période|accords ont pris fin pendant la période",
		MN: "гэрээ тайлант хугацаанд дуусгавар болсон|гэрээ тайлант хугацаанд дуусгавар болсон",
		RU: "соглашение прекратило действие в отчётный период|соглашения прекратили действие в отчётный период|соглашений прекратили действие в отчётный период",
	},
	"The period has %s %s; the first %s are listed here, and all of them in the %s sheet of the workbook.": {
		FR: "La période compte %s %s ; les %s premiers sont énumérés ici, et tous figurent dans la feuille « %s » du classeur.",
		MN: "Тайлант хугацаанд %s %s байна; эхний %s-ыг энд жагсаав, бүгд ажлын номын «%s» хуудсанд бий.",
		RU: "За отчётный период: %s %s; первые %s приведены здесь, все — на листе «%s» рабочей книги.",
	},
	"agreement|agreements": {
		FR: "accord|accords",
		MN: "гэрээ|гэрээ",
		RU: "соглашение|соглашения|соглашений",
	},
	"activity|activities": {
		FR: "activité|activités",
		MN: "үйл ажиллагаа|үйл ажиллагаа",
		RU: "мероприятие|мероприятия|мероприятий",
	},
	"from %s": {
		FR: "depuis le %s",
		MN: "%s өдрөөс хойш",
		RU: "с %s",
	},
	"%s to %s": {
		FR: "du %s au %s",
		MN: "%s – %s",
		RU: "с %s по %s",
	},
	"The %s rows by partner and currency are in finance.csv and in the %s sheet of the workbook.": {
		FR: "Les %s lignes par partenaire et par devise figurent dans finance.csv et dans la feuille « %s » du classeur.",
		MN: "Түнш, валютаар гаргасан %s мөр finance.csv файлд болон ажлын номын «%s» хуудсанд бий.",
		RU: "Строки по партнёрам и валютам (%s) приведены в finance.csv и на листе «%s» рабочей книги.",
	},
	"No activity took place in the period, so there is no chart of activities.": {
		FR: "Aucune activité n’a eu lieu pendant la période : il n’y a donc pas de graphique des activités.",
		MN: "Тайлант хугацаанд үйл ажиллагаа зохион байгуулаагүй тул үйл ажиллагааны график байхгүй.",
		RU: "В отчётный период мероприятий не было, поэтому диаграммы мероприятий нет.",
	},
	"No money was recorded in the period, so there is no chart of money.": {
		FR: "Aucune dépense n’a été enregistrée pendant la période : il n’y a donc pas de graphique des dépenses.",
		MN: "Тайлант хугацаанд мөнгөн дүн бүртгэгдээгүй тул санхүүгийн график байхгүй.",
		RU: "В отчётный период расходы не зарегистрированы, поэтому диаграммы расходов нет.",
	},
	"No agreement was in force or signed in the period, so there is no chart of agreements.": {
		FR: "Aucun accord n’était en vigueur ni n’a été signé pendant la période : il n’y a donc pas de graphique des accords.",
		MN: "Тайлант хугацаанд хүчин төгөлдөр болон шинээр байгуулсан гэрээ байгаагүй тул гэрээний график байхгүй.",
		RU: "В отчётный период не было ни действующих, ни подписанных соглашений, поэтому диаграммы соглашений нет.",
	},
	"No reporting currency is set, so each currency is shown on its own, not converted.": {
		FR: "Aucune devise de référence n’est définie : chaque devise est donc présentée séparément, sans conversion.",
		MN: "Тайлангийн валют тогтоогоогүй тул валют бүрийг тусад нь, хөрвүүлэлгүйгээр харуулав.",
		RU: "Валюта отчёта не задана, поэтому каждая валюта показана отдельно, без пересчёта.",
	},
	"Agreement": {
		FR: "Accord",
		MN: "Гэрээ",
		RU: "Соглашение",
	},
	"Cooperation plan": {
		FR: "Plan de coopération",
		MN: "Хамтын ажиллагааны төлөвлөгөө",
		RU: "План сотрудничества",
	},
	"Memorandum of understanding": {
		FR: "Mémorandum d’accord",
		MN: "Харилцан ойлголцлын санамж бичиг",
		RU: "Меморандум о взаимопонимании",
	},
	"Treaty": {
		FR: "Traité",
		MN: "Олон улсын гэрээ",
		RU: "Договор",
	},
	"Protocol": {
		FR: "Protocole",
		MN: "Протокол",
		RU: "Протокол",
	},
	"Other": {
		FR: "Autre",
		MN: "Бусад",
		RU: "Другое",
	},
	"training": {
		FR: "formation",
		MN: "сургалт",
		RU: "обучение",
	},
	"festival": {
		FR: "festival",
		MN: "наадам",
		RU: "фестиваль",
	},
	"exhibition": {
		FR: "exposition",
		MN: "үзэсгэлэн",
		RU: "выставка",
	},
	"exchange": {
		FR: "échange",
		MN: "солилцоо",
		RU: "обмен",
	},
	"meeting": {
		FR: "réunion",
		MN: "хурал",
		RU: "заседание",
	},
	"study": { // studying, learning: not research
		FR: "études",
		MN: "суралцах",
		RU: "учёба",
	},
	"treaty": {
		FR: "traité",
		MN: "олон улсын гэрээ",
		RU: "договор",
	},
	"other": {
		FR: "autre",
		MN: "бусад",
		RU: "другое",
	},
	"expired": {
		FR: "expiré",
		MN: "хугацаа дууссан",
		RU: "истёк срок",
	},
	"terminated": {
		FR: "dénoncé",
		MN: "цуцалсан",
		RU: "прекращено",
	},
	"suspended": {
		FR: "suspendu",
		MN: "түдгэлзүүлсэн",
		RU: "приостановлено",
	},
	"governmental": {
		FR: "gouvernementales",
		MN: "төрийн",
		RU: "государственными",
	},
	"non-governmental": {
		FR: "non gouvernementales",
		MN: "төрийн бус",
		RU: "негосударственными",
	},
	"%s (region of %s)": {
		FR: "%s (région de %s)",
		MN: "%s (%s)",
		RU: "%s (регион: %s)",
	},
	"International cultural cooperation": {
		FR: "Coopération culturelle internationale",
		MN: "Соёлын олон улсын хамтын ажиллагаа",
		RU: "Международное культурное сотрудничество",
	},
	"added": {
		FR: "ajoutée",
		MN: "нэмэгдсэн",
		RU: "добавлена",
	},
	"removed": {
		FR: "supprimée",
		MN: "хасагдсан",
		RU: "удалена",
	},
	"changed": {
		FR: "modifiée",
		MN: "өөрчлөгдсөн",
		RU: "изменена",
	},
	"agreements signed": {
		FR: "accords signés",
		MN: "байгуулсан гэрээ",
		RU: "подписанные соглашения",
	},
	"agreements in force": {
		FR: "accords en vigueur",
		MN: "хүчин төгөлдөр гэрээ",
		RU: "действующие соглашения",
	},
	"activities": {
		FR: "activités",
		MN: "үйл ажиллагаа",
		RU: "мероприятия",
	},
	"participants": {
		FR: "participants",
		MN: "оролцогч",
		RU: "участники",
	},
	"money": {
		FR: "dépenses",
		MN: "мөнгөн дүн",
		RU: "расходы",
	},
	"money in %s": {
		FR: "dépenses en %s",
		MN: "мөнгөн дүн (%s)",
		RU: "расходы в %s",
	},
	"money converted to %s": {
		FR: "dépenses converties en %s",
		MN: "мөнгөн дүн, %s-д хөрвүүлсэн",
		RU: "расходы в пересчёте на %s",
	},
	"Goal %d: %s": {
		FR: "Objectif %d : %s",
		MN: "Зорилго %d: %s",
		RU: "Цель %d: %s",
	},
	"The measures table gives this measure no area of monitoring: it is placed under %s (goal %d), because %s.": {
		FR: "Le tableau des mesures n’indique aucun domaine de suivi pour cette mesure : elle est classée sous « %s » (objectif %d), car %s.",
		MN: "Арга хэмжээний хүснэгтэд энэ арга хэмжээний хяналтын чиглэлийг заагаагүй тул «%s» (зорилго %d) чиглэлд оруулав. Шалтгаан: %s.",
		RU: "В таблице мер для этой меры не указана область мониторинга: она отнесена к области «%s» (цель %d), поскольку %s.",
	},
	"agreements are linked to it": {
		FR: "des accords y sont rattachés",
		MN: "үүнд гэрээ холбогдсон",
		RU: "к ней относятся соглашения",
	},
	"it is the first area of its goal": {
		FR: "c’est le premier domaine de son objectif",
		MN: "энэ нь түүний зорилгын эхний чиглэл",
		RU: "это первая область её цели",
	},
	"activities, and no agreement, are linked to it": {
		FR: "des activités, et aucun accord, y sont rattachées",
		MN: "үүнд гэрээ бус, зөвхөн үйл ажиллагаа холбогдсон",
		RU: "к ней относятся мероприятия, но не соглашения",
	},
	"it is coopreport's place for international cooperation": {
		FR: "c’est la place que coopreport donne à la coopération internationale",
		MN: "coopreport олон улсын хамтын ажиллагааг энэ чиглэлд оруулдаг",
		RU: "в coopreport международное сотрудничество относится к этой области",
	},
	"the area the rule names is not in templates/framework.toml": {
		FR: "le domaine que la règle désigne ne figure pas dans templates/framework.toml",
		MN: "дүрэмд заасан чиглэл templates/framework.toml-д байхгүй",
		RU: "области, указанной правилом, нет в templates/framework.toml",
	},
	"The reporting party": {
		FR: "La Partie qui soumet le rapport",
		MN: "Тайлан гаргагч тал",
		RU: "Сторона, представляющая доклад",
	},
	"%s cooperates under %s with %s institutions of %s.": {
		FR: "%s coopère, au titre de %s, avec des institutions %s des partenaires suivants : %s.",
		MN: "%s нь хүчин төгөлдөр %s хүрээнд дараах түншүүдийн %s байгууллагуудтай хамтран ажиллаж байна: %s.",
		RU: "%s сотрудничает в рамках %s с %s учреждениями следующих партнёров: %s.",
	},
	"agreement in force|agreements in force": {
		FR: "accord en vigueur|accords en vigueur",
		MN: "гэрээний|гэрээний",
		RU: "действующего соглашения|действующих соглашений|действующих соглашений",
	},
	"A cooperation plan (%s) with %s was signed on %s.": {
		FR: "Un plan de coopération (%[1]s) a été signé le %[3]s ; partenaire : %[2]s.",
		MN: "Хамтын ажиллагааны төлөвлөгөө (%[1]s); түнш: %[2]s; гарын үсэг зурсан огноо: %[3]s.",
		RU: "План сотрудничества (%[1]s) с партнёром «%[2]s» подписан %[3]s.",
	},
	"%s and %s signed a memorandum of understanding (%s) on %s.": {
		FR: "Un mémorandum d’accord (%[3]s) a été signé le %[4]s ; parties : %[1]s et %[2]s.",
		MN: "Харилцан ойлголцлын санамж бичиг (%[3]s); талууд: %[1]s, %[2]s; гарын үсэг зурсан огноо: %[4]s.",
		RU: "Меморандум о взаимопонимании (%[3]s) подписан %[4]s; стороны: %[1]s и %[2]s.",
	},
	"%s acceded to the %s on %s.": {
		FR: "%[1]s a adhéré le %[3]s à l’instrument suivant : %[2]s.",
		MN: "%[1]s нь «%[2]s» баримт бичигт нэгдэн орсон (%[3]s).",
		RU: "%[1]s: присоединение к документу «%[2]s» (%[3]s).",
	},
	"activity took place|activities took place": {
		FR: "activité s’est déroulée|activités se sont déroulées",
		MN: "үйл ажиллагаа зохион байгуулагдсан|үйл ажиллагаа зохион байгуулагдсан",
		RU: "мероприятие проведено|мероприятия проведены|мероприятий проведено",
	},
	"A meeting took place under the measure.": {
		FR: "Une réunion s’est tenue dans le cadre de la mesure.",
		MN: "Арга хэмжээний хүрээнд нэг хурал зохион байгуулагдсан.",
		RU: "В рамках меры проведено одно заседание.",
	},
	"%s under the measure, one of them a meeting.": {
		FR: "%s dans le cadre de la mesure, dont une réunion.",
		MN: "Арга хэмжээний хүрээнд %s бөгөөд үүний нэг нь хурал байв.",
		RU: "%s в рамках меры, в том числе одно заседание.",
	},
	"%s under the measure, %s of them %s.": {
		FR: "%s dans le cadre de la mesure, dont %s %s.",
		MN: "Арга хэмжээний хүрээнд %s бөгөөд үүнээс %s нь %s байв.",
		RU: "%s в рамках меры, в том числе %s %s.",
	},
	"meeting|meetings": {
		FR: "réunion|réunions",
		MN: "хурал|хурал",
		RU: "заседание|заседания|заседаний",
	},
	"%s under the measure.": {
		FR: "%s dans le cadre de la mesure.",
		MN: "Арга хэмжээний хүрээнд %s.",
		RU: "%s в рамках меры.",
	},
	", with %s": {
		FR: ", avec %s",
		MN: ", %s оролцсон",
		RU: " с участием %s",
	},
	"participant|participants": {
		FR: "participant|participants",
		MN: "оролцогч|оролцогч",
		RU: "человека|человек|человек",
	},
	"cooperation was in force with %s": {
		FR: "la coopération était en vigueur avec %s",
		MN: "%s хамтын ажиллагаа хүчин төгөлдөр байв",
		RU: "действовало сотрудничество с %s",
	},
	"partner country|partner countries": {
		FR: "pays partenaire|pays partenaires",
		MN: "түнш оронтой|түнш оронтой",
		RU: "страной-партнёром|странами-партнёрами|странами-партнёрами",
	},
	"; ": {
		FR: " ; ",
		MN: "; ",
		RU: "; ",
	},
	"In %s, %s.": {
		FR: "Pour la période %s : %s.",
		MN: "Тайлант хугацаанд (%s): %s.",
		RU: "Период %s: %s.",
	},
	"%s: the amounts of the measure's activities in %s, converted to US dollars at the exchange rates of their dates.": {
		FR: "%s : montants des activités de la mesure en %s, convertis en dollars des États-Unis aux taux de change de leurs dates.",
		MN: "%s: арга хэмжээний үйл ажиллагааны %s-ийн дүнг тухайн өдрүүдийн ханшаар ам.доллараар хөрвүүлэв.",
		RU: "%s: суммы мероприятий меры в %s, пересчитанные в доллары США по курсам на их даты.",
	},
	"Not included, as no exchange rate to US dollars covers their dates: %s.": {
		FR: "Non inclus, faute de taux de change en dollars des États-Unis pour leurs dates : %s.",
		MN: "Тухайн өдрүүдэд ам.долларын ханш байхгүй тул оруулаагүй: %s.",
		RU: "Не включены, поскольку на их даты нет курса к доллару США: %s.",
	},
	"Yes": {
		FR: "Oui",
		MN: "Тийм",
		RU: "Да",
	},
	"No": {
		FR: "Non",
		MN: "Үгүй",
		RU: "Нет",
	},
	"Not stated": {
		FR: "Non précisé",
		MN: "Заагаагүй",
		RU: "Не указано",
	},
	"(%s characters: %s over the form's limit of %s; shorten it before pasting)": {
		FR: "(%s caractères : %s de plus que la limite du formulaire, %s ; raccourcissez le texte avant de le coller)",
		MN: "(%s тэмдэгт: маягтын %[3]s тэмдэгтийн хязгаараас %[2]s-аар илүү; хуулахаасаа өмнө товчилно уу)",
		RU: "(%s знаков: на %s больше допустимых в форме %s; сократите текст перед вставкой)",
	},
	"(%s of %s characters)": {
		FR: "(%s caractères sur %s)",
		MN: "(%s / %s тэмдэгт)",
		RU: "(%s из %s знаков)",
	},
	"Public sector": {
		FR: "Secteur public",
		MN: "Төрийн салбар",
		RU: "Государственный сектор",
	},
	"Private sector": {
		FR: "Secteur privé",
		MN: "Хувийн хэвшил",
		RU: "Частный сектор",
	},
	"Civil society": {
		FR: "Société civile",
		MN: "Иргэний нийгэм",
		RU: "Гражданское общество",
	},
}

// DefaultTitle is the report's title when the configuration gives none,
// in l.
func DefaultTitle(l lang.Lang) string {
	return words.In(l, "Periodic report on international cultural cooperation")
}

// w is the text en in the view's language.
func (v *View) w(en string) string { return words.In(v.Lang, en) }

// f is the format en in the view's language, applied to args.
func (v *View) f(en string, args ...any) string { return words.F(v.Lang, en, args...) }

// formIn is the form of a word for n in l (see lang.Table.Form).
func formIn(l lang.Lang, n int, forms string) string { return words.Form(l, int64(n), forms) }

// countIn is n and the form of the word for it in l: "3 agreements",
// "3 соглашения".
func countIn(l lang.Lang, n int, forms string) string { return words.Count(l, int64(n), forms) }

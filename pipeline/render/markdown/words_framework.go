package markdown

import "coopreport/pipeline/lang"

// frameworkWords are the names of templates/framework.toml (the goals of
// the Convention, the areas of monitoring, the cultural domains) in the
// periodic report form's languages, keyed by the English name the file
// gives: French as UNESCO's French form words them, Russian and Mongolian
// translated in the register of the Convention's official texts. A name
// edited in framework.toml and not here is written in English.
var frameworkWords = lang.Table{
	"Support sustainable systems of governance for culture": {
		FR: "Soutenir des systèmes de gouvernance durables de la culture",
		MN: "Соёлын засаглалын тогтвортой тогтолцоог дэмжих",
		RU: "Поддержка устойчивых систем управления в сфере культуры",
	},
	"Achieve a balanced flow of cultural goods and services and increase the mobility of artists and cultural professionals": {
		FR: "Parvenir à des échanges équilibrés de biens et services culturels et accroître la mobilité des artistes et des professionnels de la culture",
		MN: "Соёлын бараа, үйлчилгээний тэнцвэртэй урсгалыг хангаж, уран бүтээлч болон соёлын мэргэжилтнүүдийн хөдөлгөөнийг нэмэгдүүлэх",
		RU: "Обеспечение сбалансированного обмена культурными товарами и услугами и повышение мобильности деятелей искусства и специалистов в области культуры",
	},
	"Integrate culture in sustainable development frameworks": {
		FR: "Intégrer la culture dans les cadres de développement durable",
		MN: "Соёлыг тогтвортой хөгжлийн бодлогын хүрээнд тусгах",
		RU: "Интеграция культуры в рамки устойчивого развития",
	},
	"Promote human rights and fundamental freedoms": {
		FR: "Promouvoir les droits de l’homme et les libertés fondamentales",
		MN: "Хүний эрх, үндсэн эрх чөлөөг дэмжих",
		RU: "Поощрение прав человека и основных свобод",
	},
	"Cultural and creative sectors": {
		FR: "Secteurs culturels et créatifs",
		MN: "Соёл, бүтээлч салбар",
		RU: "Культурный и творческий секторы",
	},
	"Media diversity": {
		FR: "Diversité des médias",
		MN: "Хэвлэл мэдээллийн олон янз байдал",
		RU: "Разнообразие СМИ",
	},
	"Digital environment": {
		FR: "Environnement numérique",
		MN: "Цахим орчин",
		RU: "Цифровая среда",
	},
	"Partnering with civil society": {
		FR: "Partenariat avec la société civile",
		MN: "Иргэний нийгэмтэй түншлэх",
		RU: "Партнёрство с гражданским обществом",
	},
	"Mobility of artists and cultural professionals": {
		FR: "Mobilité des artistes et des professionnels de la culture",
		MN: "Уран бүтээлч, соёлын мэргэжилтнүүдийн хөдөлгөөн",
		RU: "Мобильность деятелей искусства и специалистов в области культуры",
	},
	"Flow of cultural goods and services": {
		FR: "Flux des biens et services culturels",
		MN: "Соёлын бараа, үйлчилгээний урсгал",
		RU: "Обмен культурными товарами и услугами",
	},
	"Treaties and agreements": {
		FR: "Traités et accords",
		MN: "Олон улсын гэрээ, хэлэлцээр",
		RU: "Договоры и соглашения",
	},
	"National sustainable development policies and plans": {
		FR: "Politiques et plans nationaux de développement durable",
		MN: "Тогтвортой хөгжлийн үндэсний бодлого, төлөвлөгөө",
		RU: "Национальные политики и планы устойчивого развития",
	},
	"International cooperation for sustainable development": {
		FR: "Coopération internationale pour le développement durable",
		MN: "Тогтвортой хөгжлийн төлөөх олон улсын хамтын ажиллагаа",
		RU: "Международное сотрудничество в целях устойчивого развития",
	},
	"Gender equality": {
		FR: "Égalité des genres",
		MN: "Жендэрийн тэгш байдал",
		RU: "Гендерное равенство",
	},
	"Artistic freedom": {
		FR: "Liberté artistique",
		MN: "Уран бүтээлийн эрх чөлөө",
		RU: "Свобода художественного творчества",
	},
	"Audiovisual arts": {
		FR: "Arts audiovisuels",
		MN: "Дуу дүрсний урлаг",
		RU: "Аудиовизуальное искусство",
	},
	"Design": {
		FR: "Design",
		MN: "Дизайн",
		RU: "Дизайн",
	},
	"Media arts": {
		FR: "Arts médiatiques",
		MN: "Медиа урлаг",
		RU: "Медиаискусство",
	},
	"Music": {
		FR: "Musique",
		MN: "Хөгжим",
		RU: "Музыка",
	},
	"Performing arts": {
		FR: "Arts de la scène",
		MN: "Тайзны урлаг",
		RU: "Исполнительские искусства",
	},
	"Publishing": {
		FR: "Édition",
		MN: "Хэвлэл нийтлэл",
		RU: "Книгоиздание",
	},
	"Visual arts": {
		FR: "Arts visuels",
		MN: "Дүрслэх урлаг",
		RU: "Изобразительное искусство",
	},
	"Multi-domain": {
		FR: "Multidomaine",
		MN: "Олон салбарын",
		RU: "Многопрофильные",
	},
}

func init() {
	for en, w := range frameworkWords {
		words[en] = w
	}
}

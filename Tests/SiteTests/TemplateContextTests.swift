@testable import Site
import Mustache
import Templates
import XCTest

/// The typed template contexts stand for the dictionaries they replaced: what a template can
/// see of them (names, values, climbing to enclosing objects, transforms) is the same.
final class TemplateContextTests: XCTestCase {
    private func render(_ template: String, _ context: Any, partials: [String: String] = [:]) throws -> String {
        var library = MustacheLibrary()
        for (name, text) in partials { try library.register(text, named: name) }
        try library.register(template, named: "main")
        return try XCTUnwrap(library.render(context, withTemplate: "main"))
    }

    /// `String` and `Int` render themselves (MustacheScalars.swift): the output of every use a
    /// template can make of them is what swift-mustache gave for plain values.
    func testTextsAndNumbersRenderAsPlainValues() throws {
        let context: [String: Any] = ["s": "a<b", "n": 41, "e": "", "p": "part"]
        let template = "{{s}}|{{{s}}}|{{n}}|{{#s}}[{{s}}|{{.}}]{{/s}}|{{^s}}none{{/s}}|{{#e}}present{{/e}}|"
            + "{{#empty(e)}}E{{/empty(e)}}|{{^empty(s)}}S{{/empty(s)}}|{{plusone(n)}}|{{#n}}<{{n}}>{{/n}}|{{>*p}}|{{uppercased(s)}}|{{s.x}}"
        XCTAssertEqual(try render(template, context, partials: ["part": "P{{n}}"]),
                       "a&lt;b|a<b|41|[a&lt;b|a&lt;b]||present|E|S|42|<41>|P41|A&lt;B|")
    }

    private func card(ocop: OCOPContext? = nil) -> ProductCardContext {
        ProductCardContext(name: "Bưởi", url: "/p/", price: "85.000 ₫/kg", isContact: false, businessName: "Cô Ba", place: "Xã A",
                           available: true, inSeason: false, ocop: ocop, image: nil, initial: "B")
    }

    func testProductDetailAnswersTheCardsNamesAndItsOwn() throws {
        let badge = OCOPContext(stars: 4, label: "OCOP 4 sao", glyphs: "★★★★", year: 2024, validUntil: 2027)
        let detail = ProductDetailContext(
            card: card(ocop: OCOPContext(stars: 4, label: "OCOP 4 sao", glyphs: "★★★★")), bodyHTML: UTF8Text("<p>x</p>"), hasBody: true,
            images: [], unit: "kg", minOrder: nil, delivery: nil, season: nil, published: "01/02/2025", updated: nil,
            tags: ["b", "a"], sector: LinkContext(name: "Trái cây", url: "/s/"), ocop: badge, qr: nil)
        XCTAssertEqual(detail.dictionary.keys.sorted(), [
            "available", "bodyHTML", "businessName", "hasBadges", "hasBody", "hasImages", "hasTags", "images", "inSeason",
            "initial", "isContact", "name", "ocop", "place", "price", "published", "sector", "tags", "unit", "url",
        ])
        // The same page built as the dictionaries it replaced: every name, the detail's badge
        // over the card's, absent names looked up in the enclosing object, the transforms.
        let old: [String: Any] = [
            "name": "Bưởi", "url": "/p/", "price": "85.000 ₫/kg", "isContact": false, "businessName": "Cô Ba", "place": "Xã A",
            "available": true, "inSeason": false, "initial": "B", "hasBadges": true, "bodyHTML": "<p>x</p>", "hasBody": true,
            "images": [[String: Any]](), "unit": "kg", "published": "01/02/2025", "tags": ["b", "a"], "hasTags": true, "hasImages": false,
            "sector": ["name": "Trái cây", "url": "/s/"],
            "ocop": ["stars": 4, "label": "OCOP 4 sao", "glyphs": "★★★★", "year": 2024, "validUntil": 2027] as [String: Any],
        ]
        let template = "{{#p}}{{name}}|{{price}}|{{#ocop}}{{label}} {{year}}–{{validUntil}} {{stars}}{{/ocop}}|{{#unit}}{{.}}{{/unit}}"
            + "|{{^minOrder}}no minimum{{/minOrder}}|{{#hasTags}}{{#tags}}{{.}},{{/tags}}{{/hasTags}}|{{sector.name}}>{{sector.url}}"
            + "|{{updated}}{{^updated}}{{published}}{{/updated}}|{{outer}}|{{{bodyHTML}}}|{{^hasImages}}no images{{/hasImages}}"
            + "|{{count(p)}}|{{#sorted(p)}}{{key}};{{/sorted(p)}}|{{#sorted(tags)}}{{.}}{{/sorted(tags)}}{{/p}}"
        let rendered = try render(template, ["p": detail, "outer": "O"] as [String: Any])
        XCTAssertEqual(rendered, try render(template, ["p": old, "outer": "O"] as [String: Any]))
        XCTAssertTrue(rendered.hasPrefix("Bưởi|85.000 ₫/kg|OCOP 4 sao 2024–2027 4|kg|no minimum|b,a,|Trái cây>/s/|01/02/2025|O|<p>x</p>|no images|20|"),
                      rendered)
    }

    func testPrintSheetBusinessHasNoPrintLinkAndItsOwnCode() throws {
        let businessCard = BusinessCardContext(name: "Cô Ba", url: "/b/", kind: "", place: "Xã A", productCount: 2,
                                               sector: LinkContext(name: "Trái cây", url: "/s/"), logo: nil, phone: nil, zalo: nil,
                                               mapURL: nil, initial: "C")
        let detail = BusinessDetailContext(
            card: businessCard, representative: nil, street: "Ấp 1", ward: "Xã A", province: "Đồng Tháp", email: nil, website: nil,
            founded: 2001, taxCode: nil, certifications: [], bodyHTML: UTF8Text(""), hasBody: false,
            qr: QRContext(file: "/b/qr.svg", url: "https://e.org/b/", label: "QR", svg: { UTF8Text("<svg/>") }), printURL: "/b/in/")
        let sheet = PrintBusinessContext(detail: detail, zaloNumber: "0912 345 678", qr: QRContext(file: nil, url: "https://e.org/b/", label: "QR", svg: { UTF8Text("<svg/>") }))
        XCTAssertEqual(detail.dictionary.keys.sorted(), [
            "bodyHTML", "certifications", "founded", "hasBody", "hasCertifications", "initial", "kind", "name", "place", "printURL",
            "productCount", "province", "qr", "sector", "street", "url", "ward",
        ])
        XCTAssertEqual(sheet.dictionary.keys.sorted(), [
            "bodyHTML", "certifications", "founded", "hasBody", "hasCertifications", "initial", "kind", "name", "place",
            "productCount", "province", "qr", "sector", "street", "url", "ward", "zaloNumber",
        ])
        let template = "{{#b}}{{name}} {{founded}} {{#printURL}}print{{/printURL}}{{^printURL}}sheet{{/printURL}} {{#qr}}{{file}}{{/qr}} {{zaloNumber}} {{^empty(kind)}}kind{{/empty(kind)}}{{/b}}"
        XCTAssertEqual(try render(template, ["b": detail]), "Cô Ba 2001 print /b/qr.svg  ")
        XCTAssertEqual(try render(template, ["b": sheet, "printURL": "/elsewhere/"] as [String: Any]), "Cô Ba 2001 print  0912 345 678 ",
                       "a name the sheet lacks is looked up in the enclosing objects, as in a dictionary without the key")
        XCTAssertEqual(try render(template, ["b": sheet]), "Cô Ba 2001 sheet  0912 345 678 ")
    }

    func testPagerItemsAreAPageOrAGap() throws {
        let items = [PagerItemContext(number: 1, url: "/s/", current: true), PagerItemContext(number: nil, url: nil, current: false),
                     PagerItemContext(number: 9, url: "/s/9/", current: false)]
        XCTAssertEqual(items.map { $0.dictionary.keys.sorted() }, [["current", "number", "url"], ["gap"], ["current", "number", "url"]])
        let template = "{{#pages}}{{#gap}}…{{/gap}}{{^gap}}{{#current}}[{{number}}]{{/current}}{{^current}}<{{url}}>{{/current}}{{/gap}}{{/pages}}"
        XCTAssertEqual(try render(template, ["pages": items]), "[1]…</s/9/>")
    }

    /// The default theme writes `{{.}}` inside a section over a value where it wrote the value's
    /// name: the same output, without looking the name up again.
    func testDotInsideASectionOverAValueRendersWhatItsNameDid() throws {
        let site = SiteContext(title: "Chợ", description: "Mô tả", lang: "vi", ogLocale: "vi_VN", root: "/", searchURL: "/tim-kiem/",
                               feedURL: "/feed.xml", assets: [:], phone: nil, email: nil, header: nil, footer: nil)
        let page = PageInfoContext(title: "T", description: "a \"quoted\" <text>", canonical: "https://e.org/",
                                   breadcrumbs: [CrumbContext(name: "Home", url: "/", last: false), CrumbContext(name: "Here", url: nil, last: true)],
                                   jsonLD: [], noindex: false, image: nil)
        let picture = PictureContext(src: "a.jpg", alt: "", srcset: "", webpSrcset: "", width: 720, height: nil)
        let root = PageContext(site: site, page: page, words: [:], content: ["picture": picture] as [String: Any])
        let pairs = [
            ("{{#page.description}}<{{page.description}}>{{/page.description}}", "{{#page.description}}<{{.}}>{{/page.description}}"),
            ("{{#page.breadcrumbs}}{{#url}}<a href=\"{{url}}\">{{name}}</a>{{/url}}{{^url}}{{name}}{{/url}}{{/page.breadcrumbs}}",
             "{{#page.breadcrumbs}}{{#url}}<a href=\"{{.}}\">{{name}}</a>{{/url}}{{^url}}{{name}}{{/url}}{{/page.breadcrumbs}}"),
            ("{{#picture}}{{#width}} width=\"{{width}}\"{{/width}}{{#height}} height=\"{{height}}\"{{/height}}{{/picture}}",
             "{{#picture}}{{#width}} width=\"{{.}}\"{{/width}}{{#height}} height=\"{{.}}\"{{/height}}{{/picture}}"),
        ]
        for (byName, byDot) in pairs {
            let expected = try render(byName, root)
            XCTAssertFalse(expected.isEmpty, byName)
            XCTAssertEqual(try render(byDot, root), expected)
        }
        XCTAssertEqual(try render(pairs[0].1, root), "<a &quot;quoted&quot; &lt;text&gt;>")
    }

    func testFormatReplacesEveryPlaceholderOnBytes() {
        XCTAssertEqual("Trang {n} / {total}".replacingEvery("{n}", with: "2"), "Trang 2 / {total}")
        XCTAssertEqual("{n}{n} và {n}".replacingEvery("{n}", with: "Ấp {n}"), "Ấp {n}Ấp {n} và Ấp {n}", "a replacement is not searched again")
        XCTAssertEqual("không có".replacingEvery("{n}", with: "x"), "không có")
        XCTAssertEqual("Mã QR của {name}".replacingEvery("{name}", with: "Cơ sở Đồng Tâm"), "Mã QR của Cơ sở Đồng Tâm")
        XCTAssertEqual("ho-kinh-doanh".replacingEvery("-", with: "_"), "ho_kinh_doanh")
        XCTAssertEqual("{".replacingEvery("{n}", with: "x"), "{")
    }
}

import Mustache

// The template context of a page, as docs/theme.md documents it: objects that answer a name
// with a `switch` (TemplateObject, in the Templates module), which the compiled templates ask
// directly and swift-mustache, their reference, reads without `Mirror`.
//
// Each object answers exactly the names the dictionary it replaced had, with values of the same
// types (`String`, `Int`, `Bool`, lists, objects), and nil where the dictionary had no key, so a
// template renders the same and a name it lacks is still looked up in the enclosing objects.

import Templates

/// The root object of every page: `site`, `page`, `t`, then the page's own names.
final class PageContext: ContextObject {
    let site: SiteContext
    let page: PageInfoContext
    let words: [String: String]
    /// The page's own names (`product`, `sectors`, …); `site`, `page` and `t` hide its own.
    /// A dictionary for the pages made once a build (home, search, 404, registration).
    let content: MustacheParent
    /// `content` when it is one of our objects, asked for typed values.
    private let object: ContextObject?

    init(site: SiteContext, page: PageInfoContext, words: [String: String], content: MustacheParent) {
        self.site = site
        self.page = page
        self.words = words
        self.content = content
        self.object = content as? ContextObject
    }

    override var names: [String] { ["page", "site", "t"] + PageContext.names(of: content) }

    static func names(of content: MustacheParent) -> [String] {
        (content as? TemplateObject)?.names ?? (content as? [String: Any]).map { Array($0.keys) } ?? []
    }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "page": return TemplateValue(page)
        case "site": return TemplateValue(site)
        case "t": return TemplateValue(words)
        default: return object?.value(named: name) ?? TemplateValue(any: content.child(named: name))
        }
    }
}

/// `page.*`: what differs from page to page in `base`.
final class PageInfoContext: ContextObject {
    let title: String
    let description: String?
    let canonical: String
    let breadcrumbs: [CrumbContext]
    let jsonLD: [JSONLDContext]
    let noindex: Bool
    let image: String?

    init(title: String, description: String?, canonical: String, breadcrumbs: [CrumbContext], jsonLD: [JSONLDContext],
         noindex: Bool, image: String?) {
        self.title = title
        self.description = description
        self.canonical = canonical
        self.breadcrumbs = breadcrumbs
        self.jsonLD = jsonLD
        self.noindex = noindex
        self.image = image
    }

    override var names: [String] { ["description", "title", "canonical", "image", "breadcrumbs", "hasBreadcrumbs", "jsonLD", "noindex"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "description": return TemplateValue(description)
        case "title": return TemplateValue(title)
        case "canonical": return TemplateValue(canonical)
        case "image": return TemplateValue(image)
        case "breadcrumbs": return TemplateValue(breadcrumbs)
        case "hasBreadcrumbs": return TemplateValue(breadcrumbs.count > 1)
        case "jsonLD": return TemplateValue(jsonLD)
        case "noindex": return TemplateValue(noindex)
        default: return nil
        }
    }
}

/// One item of `page.breadcrumbs`.
final class CrumbContext: ContextObject {
    let name: String
    let url: String?
    let last: Bool

    init(name: String, url: String?, last: Bool) {
        self.name = name
        self.url = url
        self.last = last
    }

    override var names: [String] { ["url", "name", "last"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "url": return TemplateValue(url)
        case "name": return TemplateValue(self.name)
        case "last": return TemplateValue(last)
        default: return nil
        }
    }
}

/// One item of `page.jsonLD`: `json`, raw.
final class JSONLDContext: ContextObject {
    let json: UTF8Text

    init(_ json: UTF8Text) { self.json = json }

    override var names: [String] { ["json"] }

    override func value(named name: String) -> TemplateValue { name == "json" ? TemplateValue(json) : nil }
}

/// One item of a list of rendered cards (`products`, `otherProducts`, `businesses` …): `card`, raw.
final class CardContext: ContextObject {
    let card: String

    init(_ card: String) { self.card = card }

    override var names: [String] { ["card"] }

    override func value(named name: String) -> TemplateValue { name == "card" ? TemplateValue(card) : nil }
}

/// The root object of a template rendered once for a card or a business: the card's own
/// names, then `t`, then `site` when given. Cards see no `site` or `page`; the seller's
/// fragments on product pages (SellerContext.swift) see `site` too.
final class CardRootContext: ContextObject {
    let card: ContextObject
    let words: [String: String]
    let site: SiteContext?

    init(_ card: ContextObject, words: [String: String], site: SiteContext? = nil) {
        self.card = card
        self.words = words
        self.site = site
    }

    override var names: [String] { card.names + ["t"] + (site == nil ? [] : ["site"]) }

    override func value(named name: String) -> TemplateValue {
        let value = card.value(named: name)
        if case .none = value {} else { return value }
        switch name {
        case "t": return TemplateValue(words)
        case "site": return TemplateValue(site)
        default: return nil
        }
    }
}

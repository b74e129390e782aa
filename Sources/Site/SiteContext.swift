import Mustache
import Templates

/// `site.*`: the catalog's settings and links, the same on every page. Its texts are written
/// into the templates once per build (`constants`), so pages look it up only for sections
/// (`{{#site.phone}}`) and a theme's own uses.
final class SiteContext: ContextObject {
    let title: String
    let description: String?
    let lang: String
    let ogLocale: String
    let root: String
    let searchURL: String
    let feedURL: String
    /// Fingerprinted asset links by key (`style_css`).
    let assets: [String: String]
    let phone: PhoneContext?
    let email: EmailContext?
    /// `partials/header` and `partials/footer`, rendered once for the whole site.
    let header: String?
    let footer: String?

    init(title: String, description: String?, lang: String, ogLocale: String, root: String, searchURL: String, feedURL: String,
         assets: [String: String], phone: PhoneContext?, email: EmailContext?, header: String?, footer: String?) {
        self.title = title
        self.description = description
        self.lang = lang
        self.ogLocale = ogLocale
        self.root = root
        self.searchURL = searchURL
        self.feedURL = feedURL
        self.assets = assets
        self.phone = phone
        self.email = email
        self.header = header
        self.footer = footer
    }

    override var names: [String] { ["title", "description", "phone", "email", "lang", "ogLocale", "root", "searchURL", "feedURL", "assets", "header", "footer"] }

    override func value(named name: String) -> TemplateValue {
        switch name {
        case "title": return TemplateValue(title)
        case "description": return TemplateValue(description)
        case "phone": return TemplateValue(phone)
        case "email": return TemplateValue(email)
        case "lang": return TemplateValue(lang)
        case "ogLocale": return TemplateValue(ogLocale)
        case "root": return TemplateValue(root)
        case "searchURL": return TemplateValue(searchURL)
        case "feedURL": return TemplateValue(feedURL)
        case "assets": return TemplateValue(assets)
        case "header": return TemplateValue(header)
        case "footer": return TemplateValue(footer)
        default: return nil
        }
    }

    /// Every text of `site`, by its dotted name (`site.assets.style_css`, `site.phone.tel`).
    var texts: [String: String] {
        var values = ["site.title": title, "site.lang": lang, "site.ogLocale": ogLocale, "site.root": root,
                      "site.searchURL": searchURL, "site.feedURL": feedURL]
        for (key, link) in assets { values["site.assets." + key] = link }
        values["site.description"] = description
        values["site.phone.display"] = phone?.display
        values["site.phone.tel"] = phone?.tel
        values["site.email.text"] = email?.text
        values["site.email.href"] = email?.href
        values["site.header"] = header
        values["site.footer"] = footer
        return values
    }
}

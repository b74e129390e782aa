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

    override func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "description": return description
        case "phone": return phone
        case "email": return email
        case "lang": return lang
        case "ogLocale": return ogLocale
        case "root": return root
        case "searchURL": return searchURL
        case "feedURL": return feedURL
        case "assets": return assets
        case "header": return header
        case "footer": return footer
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

import Foundation
import XCTest

/// The seller's contact buttons and card on product pages are a theme's `partials/contact` and
/// `partials/seller`, rendered once per business with the business, `site` and `t`.
final class SellerFragmentTests: XCTestCase {
    func testAThemesSellerAndContactPartialsShowOnEveryProductPage() throws {
        let w = try Workspace()
        let partials = w.root.appendingPathComponent("my-theme/templates/partials")
        try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
        try "<aside class=\"mine\">{{name}} ({{productCount}}) @ {{site.title}} {{t.seller}}</aside>\n"
            .write(to: partials.appendingPathComponent("seller.mustache"), atomically: true, encoding: .utf8)
        try "<p class=\"my-contact\">{{#phone}}{{tel}}{{/phone}}</p>\n"
            .write(to: partials.appendingPathComponent("contact.mustache"), atomically: true, encoding: .utf8)
        let r = try Chonoi.run(["build", "--theme", "my-theme"], in: w.root)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let site = try String(contentsOf: w.url("site.yml"), encoding: .utf8)
        let title = try XCTUnwrap(site.split(separator: "\n").first { $0.hasPrefix("title:") }).dropFirst(6)
            .trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        for path in ["co-so/banh-phong-sa-giang/banh-phong-tom/index.html", "co-so/htx-vu-sua-vinh-kim/vu-sua-lo-ren/index.html"] {
            let html = try String(contentsOf: w.root.appendingPathComponent("public/" + path), encoding: .utf8)
            XCTAssertTrue(html.contains("<aside class=\"mine\">"), path)
            XCTAssertTrue(html.contains(" @ \(title) Người bán</aside>\n</article>"), "site and t reach the seller partial: \(path)")
            XCTAssertFalse(html.contains("class=\"seller-card\""), "the default seller card is replaced: \(path)")
            XCTAssertTrue(html.contains("<div class=\"callbar\"><p class=\"my-contact\">tel:+84"), path)
        }
        let product = try String(contentsOf: w.root.appendingPathComponent("public/co-so/banh-phong-sa-giang/banh-phong-tom/index.html"), encoding: .utf8)
        XCTAssertTrue(product.contains("<aside class=\"mine\">Cơ sở Bánh phồng tôm Sa Giang ("), "the seller's own name, not the product's")
        let business = try String(contentsOf: w.root.appendingPathComponent("public/co-so/banh-phong-sa-giang/index.html"), encoding: .utf8)
        XCTAssertTrue(business.contains("<p class=\"my-contact\">tel:+842733812345</p>"), "the business page uses the theme's contact partial too")
    }
}

@testable import Site
import XCTest

final class TemplateConstantsTests: XCTestCase {
    func testWritesConstantsEscapedOrRawAndLeavesEverythingElse() {
        let template = "<h1>{{ t.title }}</h1>{{{site.header}}}{{&site.header}}{{#t.title}}x{{/t.title}}{{name}}{{! t.title }}{{>partials/a}}"
        let out = TemplateConstants.substitute(template, ["t.title": "Trái <cây> & \"ngon\"", "site.header": "<nav>"])
        XCTAssertEqual(out, "<h1>Trái &lt;cây&gt; &amp; &quot;ngon&quot;</h1><nav><nav>{{#t.title}}x{{/t.title}}{{name}}{{! t.title }}{{>partials/a}}")
    }

    func testValuesNeverBecomeTags() {
        let out = TemplateConstants.substitute("<h1>{{t.title}}</h1>{{{site.header}}}{{x}}", ["t.title": "{{x}}", "site.header": "<b>{</b>"])
        XCTAssertEqual(out, "<h1>&#123;&#123;x}}</h1><b>&#123;</b>{{x}}")
    }

    func testLeavesTemplatesThatChangeDelimitersAndUnclosedTags() {
        XCTAssertEqual(TemplateConstants.substitute("{{=<% %>=}}<% t.a %>{{t.a}}", ["t.a": "A"]), "{{=<% %>=}}<% t.a %>{{t.a}}")
        XCTAssertEqual(TemplateConstants.substitute("a {{t.a", ["t.a": "A"]), "a {{t.a")
    }
}

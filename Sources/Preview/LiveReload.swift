import Diagnostics
import Site

/// The browser side of the preview: a server-sent-events stream of the state, and a small
/// script added to every HTML response the server sends (never to the built files, so
/// `chonoi build` output is untouched) that reloads the page after a rebuild and shows the
/// validator's messages over the page while the content has errors.
enum LiveReload {
    /// Where the event stream is served: outside any site path (`/__chonoi/` is not a slug).
    static let eventsPath = "/__chonoi/events"
    static let statePath = "/__chonoi/state"
    static let overlayID = "chonoi-overlay"

    /// The state as JSON: `{"build":3,"title":"…","problems":[{"place":"…","message":"…"}]}`.
    static func json(_ s: PreviewState.Snapshot) -> String {
        let problems = s.problems.map { "{\"place\":\(JSONString.quote($0.place)),\"message\":\(JSONString.quote($0.message))}" }
        return "{\"build\":\(s.build),\"title\":\(JSONString.quote(s.problemTitle)),\"problems\":[\(problems.joined(separator: ","))]}"
    }

    /// One server-sent event carrying the state.
    static func event(_ s: PreviewState.Snapshot) -> String {
        "event: state\ndata: \(json(s))\n\n"
    }

    /// The script and, when there are problems, the overlay, for the end of an HTML page.
    /// The overlay is in the page itself (it shows without JavaScript); the script replaces
    /// or removes it as the state changes, building it with `textContent` only.
    static func snippet(_ s: PreviewState.Snapshot) -> String {
        overlay(s) + "<script>/* chonoi serve: live reload */\n" + script(build: s.build) + "</script>\n"
    }

    static func overlay(_ s: PreviewState.Snapshot) -> String {
        guard !s.problems.isEmpty else { return "" }
        var html = "<div id=\"\(overlayID)\" role=\"alert\" lang=\"\(s.language.rawValue)\" style=\"\(overlayStyle)\">"
        html += "<p style=\"\(titleStyle)\">\(escape(s.problemTitle))</p><ul style=\"\(listStyle)\">"
        for p in s.problems {
            html += "<li style=\"\(itemStyle)\"><code style=\"\(placeStyle)\">\(escape(p.place))</code> \(escape(p.message))</li>"
        }
        return html + "</ul></div>\n"
    }

    static let overlayStyle = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;"
        + "margin:0;padding:1rem 1.25rem;background:#3b0a0a;color:#fff;font:15px/1.5 system-ui,sans-serif;"
        + "box-shadow:0 -4px 16px rgba(0,0,0,.4)"
    static let titleStyle = "margin:0 0 .5rem;font-weight:700;font-size:16px"
    static let listStyle = "margin:0;padding:0;list-style:none"
    static let itemStyle = "margin:.25rem 0"
    static let placeStyle = "color:#ffd479;font:13px/1.4 ui-monospace,monospace;word-break:break-all"

    private static func script(build: Int) -> String {
        """
        (function () {
          var build = \(build);
          var styles = {box: "\(overlayStyle)", title: "\(titleStyle)", list: "\(listStyle)", item: "\(itemStyle)", place: "\(placeStyle)"};
          function show(s) {
            var old = document.getElementById("\(overlayID)");
            if (old) old.parentNode.removeChild(old);
            if (!s.problems.length) return;
            var box = document.createElement("div");
            box.id = "\(overlayID)"; box.setAttribute("role", "alert"); box.style.cssText = styles.box;
            var title = document.createElement("p"); title.style.cssText = styles.title; title.textContent = s.title;
            var list = document.createElement("ul"); list.style.cssText = styles.list;
            s.problems.forEach(function (p) {
              var item = document.createElement("li"); item.style.cssText = styles.item;
              var place = document.createElement("code"); place.style.cssText = styles.place; place.textContent = p.place;
              item.appendChild(place); item.appendChild(document.createTextNode(" " + p.message)); list.appendChild(item);
            });
            box.appendChild(title); box.appendChild(list); document.body.appendChild(box);
          }
          if (!window.EventSource) return;
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("state", function (e) {
            var s = JSON.parse(e.data);
            if (s.build > 0 && s.build !== build) { source.close(); location.reload(); return; }
            show(s);
          });
        })();

        """
    }

    /// Adds the snippet before the page's last `</body>` (or at the end when there is none).
    static func inject(_ snippet: String, into page: [UInt8]) -> [UInt8] {
        let closing = Array("</body".utf8)
        var i = page.count - closing.count
        while i >= 0 {
            var match = true
            for j in 0..<closing.count {
                let b = page[i + j]
                if (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) != closing[j] {
                    match = false
                    break
                }
            }
            if match { return Array(page[..<i]) + Array(snippet.utf8) + Array(page[i...]) }
            i -= 1
        }
        return page + Array(snippet.utf8)
    }

    static func escape(_ s: String) -> String { Markup.escape(s) }
}

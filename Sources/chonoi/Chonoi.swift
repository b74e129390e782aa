import ArgumentParser

@main
struct Chonoi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chonoi",
        abstract: "Chợ Nổi: kiểm tra và dựng trang danh mục sản phẩm của tỉnh từ các tệp Markdown.",
        discussion: """
        A static-site generator for a provincial marketplace catalog. Sellers submit one folder per \
        business under content/businesses/; chonoi checks every entry and writes the site.

        Start with:  chonoi build        (check ./content and write the site into ./public)
                     chonoi check        (only check)
        """,
        subcommands: [Check.self, Build.self, New.self, Serve.self, Init.self]
    )
}

/// GitHub Actions: a check of every pull request with annotations, and publishing main to
/// GitHub Pages. Both install chonoi through one local action, so the way it is installed
/// is written once.
///
/// Raw strings (#"""…"""#) keep `${{ … }}` and `$VAR` as GitHub and the shell read them;
/// only `\#(…)` is Swift.
enum GitHubTemplates {
    /// Builds chonoi from its source at a fixed tag the first time and keeps the result in the
    /// Actions cache (keyed by the tag), so later runs only install the Debian libraries, with
    /// the list that version of chonoi keeps (its scripts/setup, installed beside it).
    static let installAction = #"""
    # Cài chonoi: dựng từ mã nguồn ở đúng phiên bản CHONOI_REF (khai báo trong các workflow),
    # lần đầu mất vài phút; các lần sau lấy lại bản đã dựng từ bộ nhớ đệm của GitHub Actions.
    name: Cài chonoi
    description: Dựng chonoi từ mã nguồn (CHONOI_REPOSITORY, CHONOI_REF) và đưa vào PATH.
    runs:
      using: composite
      steps:
        - name: Lấy bản chonoi đã dựng
          id: cache
          uses: actions/cache@v4
          with:
            path: /opt/chonoi
            key: chonoi-${{ env.CHONOI_REF }}-${{ runner.os }}
        - name: Dựng chonoi
          if: steps.cache.outputs.cache-hit != 'true'
          shell: bash
          run: |
            git clone --quiet --depth 1 --branch "$CHONOI_REF" "$CHONOI_REPOSITORY" /tmp/chonoi-src
            /tmp/chonoi-src/scripts/install /opt/chonoi
        - name: Thư viện hệ thống chonoi cần, và đưa chonoi vào PATH
          shell: bash
          run: |
            /opt/chonoi/share/chonoi/setup --packages-only
            echo /opt/chonoi/bin >> "$GITHUB_PATH"
            # Thư mục làm việc thuộc người dùng khác với container: cho git đọc lịch sử.
            git config --global --add safe.directory "$GITHUB_WORKSPACE"

    """#

    static func checkWorkflow(_ s: CatalogScaffold.Settings) -> String {
        #"""
        # Kiểm tra mỗi pull request. chonoi chỉ đọc và báo những mục mà pull request thay đổi
        # (so với điểm rẽ nhánh từ nhánh chính); mỗi lỗi hiện ngay tại dòng của tệp trong
        # tab "Files changed". Các quy tắc giữa các mục (trùng tên thư mục ...) vẫn xét cả cây.
        name: Kiểm tra
        on:
          pull_request:
        env:
          CHONOI_REPOSITORY: \#(s.chonoiRepository)
          CHONOI_REF: \#(s.chonoiRef)
        jobs:
          check:
            runs-on: ubuntu-latest
            container: swift:6.2-bookworm
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0   # cần lịch sử để tìm điểm rẽ nhánh
              - uses: ./.github/actions/install-chonoi
              - name: Kiểm tra các mục đã thay đổi
                run: |
                  BASE=$(git merge-base "origin/$GITHUB_BASE_REF" HEAD)
                  chonoi check --changed "$BASE" --format github

        """#
    }

    static func publishWorkflow(_ s: CatalogScaffold.Settings) -> String {
        #"""
        # Xuất bản: mỗi khi nhánh main thay đổi (và mỗi ngày một lần, để "đang mùa" và hạn OCOP
        # theo đúng ngày), dựng trang và đăng lên GitHub Pages.
        # Bật một lần: Settings → Pages → Build and deployment → Source: GitHub Actions.
        name: Xuất bản
        on:
          push:
            branches: [main]
          schedule:
            - cron: "0 17 * * *"   # 0 giờ theo giờ Việt Nam
          workflow_dispatch:
        permissions:
          contents: read
          pages: write
          id-token: write
        concurrency:
          group: pages
          cancel-in-progress: false
        env:
          CHONOI_REPOSITORY: \#(s.chonoiRepository)
          CHONOI_REF: \#(s.chonoiRef)
        jobs:
          build:
            runs-on: ubuntu-latest
            container: swift:6.2-bookworm
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0   # toàn bộ lịch sử: ngày cập nhật của mỗi mục lấy từ git
              - uses: ./.github/actions/install-chonoi
              - name: Bộ nhớ đệm ảnh
                uses: actions/cache@v4
                with:
                  path: .chonoi-cache
                  key: chonoi-cache-${{ github.sha }}
                  restore-keys: chonoi-cache-
              - name: Dựng trang
                run: |
                  chonoi build --output public
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: public
          deploy:
            needs: build
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """#
    }
}

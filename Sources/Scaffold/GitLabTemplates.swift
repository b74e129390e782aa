/// GitLab CI: a check of every merge request and publishing the default branch to GitLab
/// Pages. GitLab caches only folders inside the project, so chonoi is installed into `.chonoi/`.
enum GitLabTemplates {
    static func pipeline(_ s: CatalogScaffold.Settings) -> String {
        #"""
        # Kiểm tra mỗi merge request (chỉ những mục nó thay đổi) và đăng nhánh chính lên GitLab Pages.
        image: swift:6.2-bookworm

        variables:
          CHONOI_REPOSITORY: \#(s.chonoiRepository)
          CHONOI_REF: \#(s.chonoiRef)
          GIT_DEPTH: "0"   # toàn bộ lịch sử: để so với nhánh đích và lấy ngày cập nhật từ git

        # Cài chonoi: dựng từ mã nguồn ở phiên bản CHONOI_REF lần đầu, giữ trong bộ nhớ đệm.
        .chonoi:
          before_script:
            - |
              if [ ! -x .chonoi/bin/chonoi ]; then
                git clone --quiet --depth 1 --branch "$CHONOI_REF" "$CHONOI_REPOSITORY" /tmp/chonoi-src
                /tmp/chonoi-src/scripts/install "$PWD/.chonoi"
              fi
            # Thư viện hệ thống mà phiên bản chonoi này cần (danh sách nằm cạnh chonoi).
            - .chonoi/share/chonoi/setup --packages-only
            - export PATH="$PWD/.chonoi/bin:$PATH"

        check:
          extends: .chonoi
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"
          cache:
            - key: chonoi-$CHONOI_REF
              paths: [.chonoi/]
          script:
            - git fetch --quiet origin "+refs/heads/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME:refs/remotes/origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
            - BASE=$(git merge-base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" HEAD)
            - chonoi check --changed "$BASE"

        pages:
          extends: .chonoi
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
          cache:
            - key: chonoi-$CHONOI_REF
              paths: [.chonoi/]
            - key: chonoi-images
              paths: [.chonoi-cache/]
          script:
            - chonoi build --output public
          artifacts:
            paths: [public]

        """#
    }
}

import Catalog
import Diagnostics
import Registration

/// `site.yml`'s `submissions`: a repository the registration page can link to, a branch name
/// git accepts, and a plain content folder. Each is reported at its own line.
enum SubmissionRules {
    static func check(_ site: SiteSettings, into report: inout Report) {
        let file = site.file.displayPath
        if let repository = site.submissionsRepository,
           SubmissionRepository(repository: repository.value, branch: nil, folder: nil) == nil {
            report.error(.invalidSubmissions(key: "submissions.repository", value: repository.value), file, at: repository)
        }
        if let branch = site.submissionsBranch, !SubmissionRepository.isBranch(branch.value) {
            report.error(.invalidSubmissions(key: "submissions.branch", value: branch.value), file, at: branch)
        }
        if let folder = site.submissionsFolder, !SubmissionRepository.isFolder(folder.value) {
            report.error(.invalidSubmissions(key: "submissions.folder", value: folder.value), file, at: folder)
        }
    }
}

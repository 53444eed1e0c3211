#pragma once

namespace tlr::PrivateFiles {

// From now on every file and folder this process creates is its owner's alone: files 0600,
// folders 0700. Called first thing in main() of every program, so that it covers what
// libraries create too (SQLite's database, QSaveFile's statistics, QPdfWriter's reports,
// screenshots) without each writer having to remember. A file that already exists keeps the
// mode its owner gave it. docs/security.md says which files these are and why.
void restrictToOwner();

} // namespace tlr::PrivateFiles

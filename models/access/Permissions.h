#pragma once

#include "access/Actor.h"

namespace tlr {

// What each role may do, in one place: every check in the product asks here, so that a change
// of policy is one edit and one test. A role is a set of rights, not a rank: the admin who
// keeps the accounts is not a duty supervisor and acknowledges nothing.

// Acknowledge an alert or an incident (ISA-18.2: the supervisor on duty answers for it).
bool canAcknowledge(Role role);
// Shelve an alert (hide it for a while with a reason and an expiry).
bool canShelve(Role role);
// Forward an incident to an agency, hand it over, resolve it: the operators' daily work, and
// the supervisor's.
bool canHandleIncidents(Role role);
// Close a resolved incident: it is final, so the supervisor on duty signs it off.
bool canCloseIncidents(Role role);
// See a caller's name and telephone number in 112 and LAKSA reports (PersonalDataAccess audits
// each look).
bool canRevealPersonalData(Role role);
// Mute this console's alarm sound.
bool canMuteSound(Role role);
// Add, disable and re-enable accounts, reset passwords, change roles.
bool canManageUsers(Role role);
// Read the audit log on a console.
bool canReadAuditLog(Role role);

} // namespace tlr

#include "PrivateFiles.h"

#include <sys/stat.h>

namespace tlr::PrivateFiles {

void restrictToOwner()
{
    // A umask stricter than ours (an administrator's 0277) stays as strict.
    const mode_t inherited = ::umask(S_IRWXG | S_IRWXO);
    ::umask(inherited | S_IRWXG | S_IRWXO);
}

} // namespace tlr::PrivateFiles

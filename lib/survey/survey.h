/* lib/survey: the Survey editions as presets, and the ranking table.
 * Internal. */
#ifndef EGDI_SURVEY_INTERNAL_H
#define EGDI_SURVEY_INTERNAL_H

#include "core/core.h"

#endif

/* lib/survey: the Survey editions as presets, and the ranking table.
 * Internal. */
#ifndef EGDI_SURVEY_INTERNAL_H
#define EGDI_SURVEY_INTERNAL_H

#include "core/core.h"

/* "weights;tii_cap": the short names of the methodology changes between
 * editions a and b, ";"-separated ("" if none or unknown); lib/survey/changes.c. */
EGDI_HIDDEN void egdi__change_label(int a, int b, char *buf, size_t size);

#endif

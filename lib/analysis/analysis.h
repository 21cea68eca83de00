/* lib/analysis: what is computed about an index rather than by it: weights
 * (effective, PCA, entropy, optimised) and statistics (per indicator,
 * correlations, Cronbach's alpha). Uses data, model, engine and stats.
 * Internal. */
#ifndef EGDI_ANALYSIS_H
#define EGDI_ANALYSIS_H

#include "core/core.h"

#endif

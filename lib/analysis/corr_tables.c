/* (being written) */
#include "analysis/analysis.h"

/**
 * @file egdi.h
 * @brief libegdi umbrella header: include this one.
 *
 * libegdi computes UN-style composite indices (the E-Government Development
 * Index and any index like it): normalisation, weighted aggregation over a
 * tree of indicators, ranks, groups, rating classes and group averages.
 */
#ifndef EGDI_H
#define EGDI_H

#include "export.h"
#include "error.h"
#include "common.h"
#include "dataset.h"
#include "output.h"
#include "method.h"
#include "index.h"
#include "compute.h"
#include "plan.h"
#include "rank.h"
#include "survey.h"
#include "members.h"
#include "published.h"
#include "panel.h"
#include "whatif.h"
#include "explain.h"
#include "pipeline.h"
#include "impute.h"
#include "weights.h"
#include "describe.h"

#endif

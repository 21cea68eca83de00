/**
 * @file impute.h
 * @brief (being written)
 */
#ifndef EGDI_IMPUTE_H
#define EGDI_IMPUTE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif

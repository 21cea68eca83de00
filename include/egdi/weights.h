/**
 * @file weights.h
 * @brief (being written)
 */
#ifndef EGDI_WEIGHTS_H
#define EGDI_WEIGHTS_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif

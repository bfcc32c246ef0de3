/**
 * Active-learning selectors over a pool, all behind the api's {@link dev.orion.campaign.Selector}: start
 * from {@link dev.orion.core.campaign.selection.Selectors}.
 */
package dev.orion.core.campaign.selection;

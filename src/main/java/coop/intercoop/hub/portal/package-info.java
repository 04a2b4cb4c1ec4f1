/**
 * The web portal's frame: sign-in, the shell around every page (organisation switcher, language, navigation), the
 * organisation check of every portal request, and how failures reach a person as messages. The pages of each business
 * component live in that component's {@code boundary} package.
 */
package coop.intercoop.hub.portal;

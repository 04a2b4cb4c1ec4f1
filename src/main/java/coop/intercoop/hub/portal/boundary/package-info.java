/** Faces backing beans and the servlet filter of the portal's frame. */
package coop.intercoop.hub.portal.boundary;

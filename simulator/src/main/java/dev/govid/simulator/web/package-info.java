/** HTTP routing and the HTML pages (login, error, auto-POST). */
package dev.govid.simulator.web;

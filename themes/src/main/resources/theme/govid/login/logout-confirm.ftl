<#import "template.ftl" as layout>
<#-- Copied from Keycloak 26.7.0 base/login/logout-confirm.ftl (docs/keycloak-internals.md): its tabindex="4" made the
     button the first Tab stop, before the skip link; its inline onsubmit needs script. Same form fields. -->
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("logoutConfirmTitle")}
    <#elseif section = "form">
        <p id="govid-logout-question">${msg("logoutConfirmHeader")}</p>
        <form id="kc-logout-confirm" class="govid-actions" action="${url.logoutConfirmAction}" method="POST">
            <input type="hidden" name="session_code" value="${logoutConfirm.code}">
            <button class="govid-button govid-button--primary" name="confirmLogout" id="kc-logout" type="submit" value="${msg("doLogout")}">${msg("doLogout")}</button>
        </form>
        <#if !logoutConfirm.skipLink && (client.baseUrl)?has_content>
            <p><a id="govid-back-to-application" href="${client.baseUrl}">${msg("govidBackToApplication")}</a></p>
        </#if>
    </#if>
</@layout.registrationLayout>

<#import "branding.ftl" as brand>
<#import "footer.ftl" as loginFooter>
<#-- The GovID layout for every login page (ours and Keycloak's): one h1, a skip link, the language switcher as
     plain links, messages announced to screen readers, per-client title, logo and colours. The macro keeps
     keycloak.v2's name, parameters and sections so Keycloak's own pages render in it unchanged;
     showAttemptedUsername=false hides the username line (an eID user's username is a hash). -->
<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false showAttemptedUsername=true>
<#assign headerMarkup><#nested "header"></#assign>
<#assign pageTitle = headerMarkup?markup_string?replace("<[^>]*>", "", "r")?replace("\\s+", " ", "r")?trim>
<#assign siteTitle = brand.title()>
<#assign primary = brand.colour("govid.theme.primaryColor")>
<#assign headerBg = brand.colour("govid.theme.headerColor")>
<!DOCTYPE html>
<html class="${properties.kcHtmlClass!} govid" lang="${lang}"<#if realm.internationalizationEnabled> dir="${(locale.rtl)?then('rtl','ltr')}"</#if>>
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <meta name="color-scheme" content="light">
    <title><#if pageTitle?has_content>${pageTitle} – </#if>${siteTitle}</title>
    <link rel="icon" href="${url.resourcesPath}/img/favicon.ico" />
    <#if properties.stylesCommon?has_content>
        <#list properties.stylesCommon?split(' ') as style>
            <link href="${url.resourcesCommonPath}/${style}" rel="stylesheet" />
        </#list>
    </#if>
    <#if properties.styles?has_content>
        <#list properties.styles?split(' ') as style>
            <link href="${url.resourcesPath}/${style}" rel="stylesheet" />
        </#list>
    </#if>
    <#if primary?has_content || headerBg?has_content>
    <style>:root{<#if primary?has_content>--govid-primary:${primary};</#if><#if headerBg?has_content>--govid-header-bg:${headerBg};</#if>}</style>
    </#if>
    <#if scripts??>
        <#list scripts as script>
            <script src="${script}" type="text/javascript"></script>
        </#list>
    </#if>
    <script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
    <script type="module">
        <#outputformat "JavaScript">
        import { startSessionPolling } from ${(url.resourcesPath + "/js/authChecker.js")?c};
        startSessionPolling(${url.ssoLoginInOtherTabsUrl?c});
        </#outputformat>
    </script>
    <#if authenticationSession??>
    <script type="module">
        <#outputformat "JavaScript">
        import { checkAuthSession } from ${(url.resourcesPath + "/js/authChecker.js")?c};
        checkAuthSession(${authenticationSession.authSessionIdHash?c});
        </#outputformat>
    </script>
    </#if>
</head>
<body class="govid-body ${bodyClass}" data-page-id="login-${pageId!}">
<a class="govid-skip" href="#govid-main">${msg("govidSkipToContent")}</a>
<header class="govid-header" id="govid-header">
    <div class="govid-header__inner">
        <#assign logo = brand.logoUrl()>
        <#if logo?has_content>
            <img class="govid-header__logo" id="govid-client-logo" src="${logo}" alt="${siteTitle}">
        <#else>
            <span class="govid-header__title" id="govid-site-title">${siteTitle}</span>
        </#if>
        <#if realm.internationalizationEnabled && locale.supported?size gt 1>
        <nav class="govid-languages" id="govid-languages" aria-label="${msg("govidLanguages")}">
            <ul>
            <#list locale.supported as l>
                <li><a href="${l.url}" lang="${l.languageTag}" hreflang="${l.languageTag}" id="govid-lang-${l.languageTag}"
                       <#if l.languageTag == locale.currentLanguageTag>aria-current="true"</#if>>${l.label}</a></li>
            </#list>
            </ul>
        </nav>
        </#if>
    </div>
</header>
<main class="govid-main" id="govid-main" tabindex="-1">
    <div class="govid-card">
        <h1 class="govid-title" id="kc-page-title">${headerMarkup}</h1>
        <#if showAttemptedUsername && auth?has_content && auth.showUsername() && !auth.showResetCredentials()>
            <div class="govid-username"><#nested "show-username"><span id="kc-attempted-username">${auth.attemptedUsername}</span>
                <a id="reset-login" href="${url.loginRestartFlowUrl}">${msg("restartLoginTooltip")}</a></div>
        </#if>
        <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
            <div class="govid-message govid-message--${message.type}" id="govid-message"
                 <#if message.type = 'error' || message.type = 'warning'>role="alert"<#else>role="status"</#if>>
                <p class="kc-feedback-text">${kcSanitize(message.summary)?no_esc}</p>
            </div>
        </#if>
        <#nested "form">
        <#if auth?has_content && auth.showTryAnotherWayLink()>
            <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post" novalidate="novalidate">
                <input type="hidden" name="tryAnotherWay" value="on"/>
                <button type="submit" class="govid-button govid-button--secondary" id="try-another-way">${msg("doTryAnotherWay")}</button>
            </form>
        </#if>
        <#nested "socialProviders">
        <#if displayInfo>
            <div id="kc-info" class="govid-info"><#nested "info"></div>
        </#if>
    </div>
</main>
<footer class="govid-footer"><@loginFooter.content/></footer>
</body>
</html>
</#macro>

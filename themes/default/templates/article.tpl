{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="{{S_BREADCRUMB}}">
  <ol>
    {{#CRUMB}}<li><a href="{{URL}}">{{NAME}}</a></li>
    {{/CRUMB}}<li><span aria-current="page">{{TITLE}}</span></li>
  </ol>
</nav>
<article class="story">
  <header class="story-header">
    <h1>{{TITLE}}</h1>
    {{#BYLINE}}<p class="byline">{{S_BY}} {{#AUTHOR}}{{#HAS_SEP}}{{SEP}}{{/HAS_SEP}}<a href="{{URL}}" rel="author">{{NAME}}</a>{{/AUTHOR}}</p>{{/BYLINE}}
    <p class="dateline"><span>{{S_PUBLISHED}} <time datetime="{{PUBLISHED_ISO}}">{{PUBLISHED}}</time></span>
      {{#UPDATED}}<span>{{S_UPDATED}} <time datetime="{{ISO}}">{{TEXT}}</time></span>{{/UPDATED}}
      <span class="reading-time">{{READING_TIME}}</span></p>
  </header>
  {{#FEATURED_MEDIA}}{{HTML:none}}{{/FEATURED_MEDIA}}{{#FEATURED_IMAGE}}<figure class="featured-image"><img src="{{IMAGE}}" alt="" decoding="async"></figure>{{/FEATURED_IMAGE}}
  <div class="story-body">
{{BODY:none}}
  </div>
  {{CORRECTIONS:none}}
  {{#HAS_SOURCE}}<p class="source-line"><span class="visually-hidden">{{S_SOURCE}}: </span>— {{SOURCE}}</p>{{/HAS_SOURCE}}
  {{#TAGS}}<p class="tags"><span class="tags-label">{{S_TAGS}}:</span>
    {{#TAG}}<a href="{{URL}}" rel="tag">{{NAME}}</a>
    {{/TAG}}</p>{{/TAGS}}
  <p class="share"><span class="share-label">{{S_SHARE}}:</span>
    {{#SHARE_LINK}}<a href="{{HREF:none}}" rel="nofollow noopener noreferrer">{{NAME}}</a>
    {{/SHARE_LINK}}</p>
</article>
{{#AUTHOR_BOX}}<aside class="author-box" aria-labelledby="about-author-{{ID}}">
  {{#NO_PHOTO}}<div class="avatar" aria-hidden="true">{{INITIALS}}</div>{{/NO_PHOTO}}{{#HAS_PHOTO}}<img class="avatar photo" src="{{PHOTO}}" alt="" width="96" height="96" loading="lazy" decoding="async">{{/HAS_PHOTO}}
  <div class="author-text">
    <h2 id="about-author-{{ID}}">{{HEADING}}</h2>
    <p>{{BIO}}</p>
    <p><a href="{{URL}}">{{LINK_TEXT}}</a></p>
  </div>
</aside>
{{/AUTHOR_BOX}}<section class="comments" id="comments" aria-labelledby="comments-heading">
  <h2 id="comments-heading">{{COMMENTS_HEADING}}</h2>
  {{#COMMENT_LIST}}<ol class="comment-list">
  {{#COMMENT}}{{>COMMENT_ITEM}}
  {{/COMMENT}}</ol>{{/COMMENT_LIST}}
  {{#COMMENTS_CLOSED}}<p class="comments-closed">{{S_COMMENTS_CLOSED}}</p>{{/COMMENTS_CLOSED}}
  {{#RESPOND}}<div class="respond" id="respond">
    <h2 id="reply-title">{{REPLY_TITLE}}{{#CANCEL}} <a class="cancel-reply" href="{{CANCEL_URL}}">{{S_CANCEL_REPLY}}</a>{{/CANCEL}}</h2>
    {{#FORM_MESSAGE}}<p class="form-message" role="alert">{{TEXT}}</p>{{/FORM_MESSAGE}}
    <form class="comment-form" method="post" action="{{ACTION}}#respond" aria-labelledby="reply-title">
      <p class="comment-notes"><span id="email-notes">{{S_EMAIL_NOTE}}</span> <span>{{S_REQUIRED_NOTE}}</span></p>
      <p class="field"><label for="author">{{S_FIELD_NAME}} <span class="required" aria-hidden="true">*</span></label>
        <input id="author" name="author" type="text" value="{{AUTHOR}}" maxlength="100" required autocomplete="name"{{#AUTHOR_ERROR}} aria-invalid="true" aria-describedby="author-error"{{/AUTHOR_ERROR}}>
        {{#AUTHOR_ERROR}}<span class="field-error" id="author-error">{{TEXT}}</span>{{/AUTHOR_ERROR}}</p>
      <p class="field"><label for="email">{{S_FIELD_EMAIL}} <span class="required" aria-hidden="true">*</span></label>
        <input id="email" name="email" type="email" value="{{EMAIL}}" maxlength="254" required autocomplete="email" aria-describedby="email-notes{{#EMAIL_ERROR}} email-error{{/EMAIL_ERROR}}"{{#EMAIL_ERROR}} aria-invalid="true"{{/EMAIL_ERROR}}>
        {{#EMAIL_ERROR}}<span class="field-error" id="email-error">{{TEXT}}</span>{{/EMAIL_ERROR}}</p>
      <p class="field"><label for="url">{{S_FIELD_WEBSITE}}</label>
        <input id="url" name="url" type="url" value="{{URL}}" maxlength="200" autocomplete="url"{{#URL_ERROR}} aria-invalid="true" aria-describedby="url-error"{{/URL_ERROR}}>
        {{#URL_ERROR}}<span class="field-error" id="url-error">{{TEXT}}</span>{{/URL_ERROR}}</p>
      <p class="field"><label for="comment">{{S_FIELD_COMMENT}} <span class="required" aria-hidden="true">*</span></label>
        <textarea id="comment" name="comment" rows="8" maxlength="10000" required{{#COMMENT_ERROR}} aria-invalid="true" aria-describedby="comment-error"{{/COMMENT_ERROR}}>
{{COMMENT:pre_escape}}</textarea>
        {{#COMMENT_ERROR}}<span class="field-error" id="comment-error">{{TEXT}}</span>{{/COMMENT_ERROR}}</p>
      <p class="hp" aria-hidden="true"><label for="fax">{{S_HONEYPOT_LABEL}}</label>
        <input id="fax" name="fax" type="text" value="" tabindex="-1" autocomplete="off"></p>
      <input type="hidden" name="comment_parent" value="{{PARENT}}">
      <input type="hidden" name="_token" value="{{TOKEN}}">
      <p><button type="submit">{{S_POST_COMMENT}}</button></p>
    </form>
  </div>{{/RESPOND}}
</section>
{{#CHECK_ALSO}}<aside class="check-also" aria-labelledby="check-also-heading">
  <h2 id="check-also-heading">{{S_CHECK_ALSO}}</h2>
  {{>CARD}}
</aside>{{/CHECK_ALSO}}

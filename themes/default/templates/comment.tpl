{{%AUTOESCAPE context="HTML"}}<li class="comment depth-{{DEPTH}}" id="comment-{{ID}}">
  <article>
    <header class="comment-meta">
      <span class="avatar" aria-hidden="true">{{INITIALS}}</span>
      <b class="comment-author">{{#HAS_URL}}<a href="{{URL}}" rel="nofollow ugc noopener">{{AUTHOR}}</a>{{/HAS_URL}}{{#NO_URL}}{{AUTHOR}}{{/NO_URL}}</b>
      <span class="says">{{S_SAYS}}:</span>
      <a class="comment-date" href="#comment-{{ID}}"><time datetime="{{DATE_ISO}}">{{DATE}}</time></a>
    </header>
    {{#AWAITING}}<p class="awaiting-moderation">{{S_AWAITING_MODERATION}}</p>{{/AWAITING}}
    <div class="comment-body">{{BODY:none}}</div>
    {{#REPLY}}<p class="reply"><a class="comment-reply-link" rel="nofollow" href="{{REPLY_URL}}" aria-label="{{REPLY_LABEL}}">{{S_REPLY}}</a></p>{{/REPLY}}
  </article>
  {{#REPLIES}}<ol class="children">
  {{#COMMENT}}{{>COMMENT_ITEM}}
  {{/COMMENT}}</ol>{{/REPLIES}}
</li>

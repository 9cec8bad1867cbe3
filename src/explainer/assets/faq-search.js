// faq
